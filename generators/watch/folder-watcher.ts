/**
 * One `fs.watch` per folder, kept from run to run: an edit saved while a run is under way is
 * noticed, not lost between two runs' watches. Changes are handed on as absolute paths; a folder
 * whose watch fails once started (it went away) reports itself as changed and is dropped, and one
 * that is another folder by now (removed and made anew, or another renamed over it: the system's
 * watch follows the old one, silently) is watched afresh.
 */
import { watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { statOf } from "../stat-of.ts";

/** A folder `fs.watch` refused, and why. */
export interface UnwatchedFolder {
  readonly folder: string;
  /** The system's error code (`ENOSPC`, `EACCES`, `ENOENT`). */
  readonly reason: string;
}

/** Watches a set of folders, changed between runs with {@link FolderWatcher.watchOnly}. */
/**
 * Which folder a path names now, or undefined when there is none: its device, inode and birth
 * time, since a folder removed and made anew at once often gets the same inode back (ext4,
 * tmpfs); where the file system keeps no birth time, the inode alone.
 */
const identityOf = (folder: string): string | undefined => {
  const stats = statOf(folder);
  return stats?.isDirectory() ? `${stats.dev}:${stats.ino}:${stats.birthtimeMs}` : undefined;
};

/** A folder's watch, and which folder it was started on. */
interface FolderWatch {
  readonly watcher: FSWatcher;
  readonly identity: string | undefined;
}

export class FolderWatcher {
  readonly #watchers = new Map<string, FolderWatch>();
  readonly #onChange: (path: string) => void;

  /** `onChange` gets the absolute path of each entry that changed in a watched folder. */
  constructor(onChange: (path: string) => void) {
    this.#onChange = onChange;
  }

  /**
   * Watch exactly `folders` (absolute): new ones are added, the others closed. Returns the folders
   * added, and those that could not be watched, with the system's reason (`ENOSPC`: the system's
   * limit of watches, `fs.inotify.max_user_watches` on Linux, is reached).
   */
  watchOnly(folders: readonly string[]): { readonly added: string[]; readonly failed: UnwatchedFolder[] } {
    const wanted = new Set(folders);
    for (const [folder, { watcher, identity }] of this.#watchers) {
      if (wanted.has(folder) && identityOf(folder) === identity) continue;
      watcher.close();
      this.#watchers.delete(folder);
    }
    const fresh = [...wanted].filter((folder) => !this.#watchers.has(folder));
    const failed = fresh.flatMap((folder) => this.#add(folder));
    return { added: fresh.filter((folder) => this.#watchers.has(folder)), failed };
  }

  /** Stop watching everything. */
  close(): void {
    this.watchOnly([]);
  }

  #add(folder: string): UnwatchedFolder[] {
    const dropped = () => {
      this.#watchers.get(folder)?.watcher.close();
      this.#watchers.delete(folder);
      this.#onChange(folder);
    };
    try {
      // Taken before the watch starts: a folder replaced in between is found replaced next time.
      const identity = identityOf(folder);
      const watcher = watch(folder, { persistent: true }, (_event, name) => this.#onChange(name === null ? folder : join(folder, name.toString())));
      watcher.on("error", dropped);
      this.#watchers.set(folder, { watcher, identity });
      return [];
    } catch (thrown) {
      return [{ folder, reason: (thrown as NodeJS.ErrnoException).code ?? String(thrown) }];
    }
  }
}
