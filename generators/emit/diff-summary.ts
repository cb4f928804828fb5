/**
 * What replaces the hunks of a changed file too different to diff line by line within the edit
 * limit (`patch.ts`): where the difference lies, found in one pass (the lines before the first
 * difference and after the last are the same on both sides), like GNU diff's `Files … differ`.
 */
import { lineTokens } from "./line-tokens.ts";

/** One line, e.g. `lines 3-40 of 41 on disk become lines 3-90 of 91 planned`, without a line break. */
export function differingLines(before: string, after: string): string {
  const old = lineTokens(before);
  const next = lineTokens(after);
  const shorter = Math.min(old.length, next.length);
  let prefix = 0;
  while (prefix < shorter && old[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const range = (total: number) => lineRange(prefix + 1, total - prefix - suffix, total);
  return `${range(old.length)} on disk become ${range(next.length)} planned`;
}

function lineRange(first: number, count: number, total: number): string {
  const of = `of ${total}`;
  if (count === 0) return `no lines (after line ${first - 1} ${of})`;
  if (count === 1) return `line ${first} ${of}`;
  return `lines ${first}-${first + count - 1} ${of}`;
}
