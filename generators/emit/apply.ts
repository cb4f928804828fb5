/**
 * Carry out decided actions in two phases. Stage: every new content goes to a flushed temporary
 * file beside its target; if any staging fails, the temporaries and any directories made for
 * them are removed and the tree is exactly as before. Commit: renames, then deletions of stale
 * files, then the manifest last, so an interrupted run leaves a manifest that still lists every
 * file a later run may need to clean up.
 */
import { rename, rmdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Actions } from "./actions.ts";
import { makeDirectories, pruneEmptyDirectories, syncDirectory, writeTemp } from "./atomic.ts";
import { MANIFEST_PATH } from "./manifest.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** What a run changed on disk. */
export interface Applied {
  /** Files that did not exist before, sorted by path. */
  readonly created: string[];
  /** Files whose content was replaced, sorted by path. */
  readonly updated: string[];
  /** Stale generated files deleted, sorted by path. */
  readonly removed: string[];
  /** The failure that stopped the run, if any; what was done before it is listed above. */
  readonly failed: EmitProblem[];
}

interface Staged {
  readonly path: string;
  readonly absolute: string;
  readonly temp: string;
  readonly isNew: boolean;
}

/** Apply `actions` (which must have no refusals) under `root`. Never throws for I/O errors. */
export async function applyActions(root: string, actions: Actions): Promise<Applied> {
  const applied: Applied = { created: [], updated: [], removed: [], failed: [] };
  const stopped = (problem: EmitProblem): Applied => ({ ...applied, failed: [problem] });
  const contents = actions.writes.map(({ path, text, previous }) => ({ path, text, isNew: previous === undefined }));
  if (actions.manifest.changed) contents.push({ path: MANIFEST_PATH, text: actions.manifest.text, isNew: false });

  const staged: Staged[] = [];
  const newDirectories: string[] = [];
  for (const { path, text, isNew } of contents) {
    const absolute = join(root, path);
    const problem = await attempt(path, "written", async () => {
      newDirectories.push(...(await makeDirectories(dirname(absolute))));
      staged.push({ path, absolute, isNew, temp: await writeTemp(absolute, text) });
    });
    if (problem) {
      await discard(staged);
      // Deepest first, so each directory is empty by the time it is removed.
      for (const directory of newDirectories.sort((a, b) => b.length - a.length)) await rmdir(directory).catch(() => undefined);
      return stopped(problem);
    }
  }

  const manifest = actions.manifest.changed ? staged.pop() : undefined;
  const touched = new Set<string>();
  for (const [index, file] of staged.entries()) {
    const problem = await attempt(file.path, "written", () => rename(file.temp, file.absolute));
    if (problem) {
      await discard([...staged.slice(index), ...(manifest ? [manifest] : [])]);
      return stopped(problem);
    }
    (file.isNew ? applied.created : applied.updated).push(file.path);
    touched.add(dirname(file.absolute));
  }
  for (const { path } of actions.removals) {
    const absolute = join(root, path);
    const problem = await attempt(path, "deleted", () => unlink(absolute));
    if (problem) {
      await discard(manifest ? [manifest] : []);
      return stopped(problem);
    }
    applied.removed.push(path);
    touched.add(dirname(absolute));
    await pruneEmptyDirectories(root, dirname(absolute));
  }
  if (manifest) {
    const problem = await attempt(manifest.path, "written", () => rename(manifest.temp, manifest.absolute));
    if (problem) {
      await discard([manifest]);
      return stopped(problem);
    }
    touched.add(dirname(manifest.absolute));
  }
  await Promise.all([...touched].map(syncDirectory));
  return applied;
}

/** Run one file system step; its error, if any, as a problem about `path`. */
async function attempt(path: string, operation: string, step: () => Promise<unknown>): Promise<EmitProblem | undefined> {
  try {
    await step();
    return undefined;
  } catch (cause) {
    return problems.io(path, operation, cause);
  }
}

/** Delete staged temporaries that will not be renamed into place. */
async function discard(staged: readonly Staged[]): Promise<void> {
  await Promise.all(staged.map((file) => unlink(file.temp).catch(() => undefined)));
}
