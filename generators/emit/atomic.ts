/**
 * Temporary files and the directories they need: content goes to a temporary file beside its
 * target, is flushed to disk, and only later renamed over it (a rename within one directory is
 * atomic on POSIX file systems), so a reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { removeDirectory } from "./file-ops.ts";

/** Marks typeflake's temporary files, so a leftover from a crash is recognisable by name. */
export const TEMP_MARKER = ".typeflake-tmp-";

/** `.<name>.typeflake-tmp-<12 hex digits>`: the only names typeflake ever treats as its temporaries. */
const TEMP_NAME = /^\..+\.typeflake-tmp-[0-9a-f]{12}$/s;

/** A fresh temporary path beside `target` (relative or absolute, `/`-separated when relative). */
export function tempPathFor(target: string): string {
  const name = `.${basename(target)}${TEMP_MARKER}${randomBytes(6).toString("hex")}`;
  const directory = dirname(target);
  return directory === "." ? name : `${directory}/${name}`;
}

/** Whether a file name is one of typeflake's temporaries. */
export const isTempName = (name: string): boolean => TEMP_NAME.test(name);

/** Why a directory is rightly left in place: not empty (any file system's spelling), gone, or a mount point. */
const NOT_PRUNABLE = new Set(["ENOTEMPTY", "EEXIST", "ENOENT", "EBUSY"]);

/** Remove `directory` and then each parent strictly below `root` that has become empty. */
export async function pruneEmptyDirectories(root: string, directory: string): Promise<void> {
  for (let current = directory; isStrictlyBelow(root, current); current = dirname(current)) {
    // rmdir refuses non-empty directories: the first one still holding anything ends the walk.
    try {
      await removeDirectory(current);
    } catch (cause) {
      if (NOT_PRUNABLE.has((cause as NodeJS.ErrnoException).code ?? "")) return;
      throw cause;
    }
  }
}

function isStrictlyBelow(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !isAbsolute(rel) && rel.split(sep)[0] !== "..";
}

/** `root`-relative `/` path to an absolute one. */
export const absoluteIn = (root: string, path: string): string => join(root, ...path.split("/"));
