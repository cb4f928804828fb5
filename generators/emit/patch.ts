/**
 * Git-style unified diffs (jsdiff), so `--check` output reads like `git diff` and can be applied
 * with `git apply`: `diff --git a/p b/p`, `new file mode` / `deleted file mode` for missing and
 * stale files, `--- a/p` / `+++ b/p` and hunks.
 *
 * Bounded for huge files: jsdiff's Myers diff costs about the square of the number of lines added
 * and removed (20,000 lines all changed took 98 s), so a changed file more than `MAX_DIFF_EDITS`
 * lines apart is summarised instead (docs/writes.md, "Diffs of huge files"); a created or deleted file is one hunk,
 * built without the diff.
 */
import { formatPatch, structuredPatch } from "diff";
import { differingLines } from "./diff-summary.ts";
import { wholeFileHunks } from "./whole-file-patch.ts";

const REGULAR_FILE_MODE = "100644";

/**
 * The most lines added plus removed a changed file's diff shows. Beyond it jsdiff gives up early
 * (`maxEditLength`), which bounds its work to about this number squared: under a second here.
 */
export const MAX_DIFF_EDITS = 2000;

/** The diff turning `before` into `after` at `path`; `undefined` content means the file is absent. */
export function gitPatch(path: string, before: string | undefined, after: string | undefined): string {
  const oldFileName = before === undefined ? "/dev/null" : `a/${path}`;
  const newFileName = after === undefined ? "/dev/null" : `b/${path}`;
  const names = { oldFileName, newFileName, oldHeader: undefined, newHeader: undefined, isGit: true };
  if (before === undefined) return formatPatch({ ...names, hunks: wholeFileHunks(after ?? "", "+"), isCreate: true, newMode: REGULAR_FILE_MODE });
  if (after === undefined) return formatPatch({ ...names, hunks: wholeFileHunks(before, "-"), isDelete: true, oldMode: REGULAR_FILE_MODE });
  const patch = structuredPatch(oldFileName, newFileName, before, after, undefined, undefined, { maxEditLength: MAX_DIFF_EDITS });
  if (patch !== undefined) return formatPatch({ ...patch, isGit: true });
  // Without hunks, formatPatch writes the `diff --git` line alone (quoted as git quotes it).
  const header = formatPatch({ ...names, hunks: [] });
  return `${header}Not diffed: more than ${MAX_DIFF_EDITS} lines added or removed; ${differingLines(before, after)}.\n`;
}
