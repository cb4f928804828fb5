/**
 * Git-style unified diffs (jsdiff), so `--check` output reads like `git diff` and can be applied
 * with `git apply`: `diff --git a/p b/p`, `new file mode` / `deleted file mode` for missing and
 * stale files, `--- a/p` / `+++ b/p` and hunks.
 */
import { formatPatch, structuredPatch } from "diff";

const REGULAR_FILE_MODE = "100644";

/** The diff turning `before` into `after` at `path`; `undefined` content means the file is absent. */
export function gitPatch(path: string, before: string | undefined, after: string | undefined): string {
  const oldName = before === undefined ? "/dev/null" : `a/${path}`;
  const newName = after === undefined ? "/dev/null" : `b/${path}`;
  const patch = structuredPatch(oldName, newName, before ?? "", after ?? "");
  return formatPatch({
    ...patch,
    isGit: true,
    ...(before === undefined && { isCreate: true, newMode: REGULAR_FILE_MODE }),
    ...(after === undefined && { isDelete: true, oldMode: REGULAR_FILE_MODE }),
  });
}
