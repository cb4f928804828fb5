/**
 * The generated files a `generate` creates, noted before they appear and cleared once git has
 * them (`git add --intent-to-add`, see `track-generated.ts`). A run cut off in between, by a kill
 * or a power cut, leaves the note, and the next command in the fleet adds them. Without it the
 * next `generate` finds them in place, creates nothing and adds nothing, and nix cannot see them.
 * Synchronous and small: every command in a fleet looks for the note as it starts. Written and
 * cleared only under the fleet's lock, and read again under it before either, so that two runs
 * never clear or overwrite each other's note; a note a killed run left is added to, never replaced.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where the note is kept, relative to the fleet root (inside typeflake's state folder, ignored by git). */
export const PENDING_TRACKING_PATH = ".typeflake/untracked";

/**
 * Note `paths` (relative to `root`), about to be created, as not yet known to git, beside what
 * the note already lists (a killed run's files); returns everything the note now lists.
 */
export const notePendingTracking = (root: string, paths: readonly string[]): string[] => {
  const note = join(root, PENDING_TRACKING_PATH);
  const noted = [...new Set([...(pendingTracking(root) ?? []), ...paths])].sort();
  // A fleet's first run has no state folder yet.
  mkdirSync(dirname(note), { recursive: true });
  writeFileSync(note, `${JSON.stringify(noted)}\n`);
  return noted;
};

/**
 * The paths an earlier run created and did not get to add to git: undefined when there is no
 * note, none when the note cannot be read (it is then only to be cleared).
 */
export const pendingTracking = (root: string): string[] | undefined => {
  let text: string;
  try {
    text = readFileSync(join(root, PENDING_TRACKING_PATH), "utf8");
  } catch {
    return undefined;
  }
  try {
    const noted: unknown = JSON.parse(text);
    return Array.isArray(noted) ? noted.filter((path): path is string => typeof path === "string") : [];
  } catch {
    return [];
  }
};

/** Forget the note: git has the files, or was told what it could. */
export const clearPendingTracking = (root: string): void => rmSync(join(root, PENDING_TRACKING_PATH), { force: true });
