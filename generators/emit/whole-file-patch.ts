/**
 * The one hunk of a created or deleted file: every line added, or every line removed. There is
 * nothing to align, so it is built directly in one pass; jsdiff's Myers diff, given an empty side,
 * would walk one edit per line to the same hunk (seconds for a file of a million lines).
 */
import type { StructuredPatchHunk } from "diff";
import { lineTokens } from "./line-tokens.ts";

const NO_NEWLINE_MARK = "\\ No newline at end of file";

/** The hunks adding (`"+"`) or removing (`"-"`) all of `text`, as jsdiff's `structuredPatch` makes them. */
export function wholeFileHunks(text: string, sign: "+" | "-"): StructuredPatchHunk[] {
  const tokens = lineTokens(text);
  if (tokens.length === 0) return [];
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.endsWith("\n")) lines.push(sign + token.slice(0, -1));
    else lines.push(sign + token, NO_NEWLINE_MARK);
  }
  const count = tokens.length;
  // jsdiff's numbering: an empty side starts at line 1 with 0 lines (`formatPatch` prints it as 0,0).
  return [{ oldStart: 1, oldLines: sign === "-" ? count : 0, newStart: 1, newLines: sign === "+" ? count : 0, lines }];
}
