/**
 * Source text with named markers `⟦name⟧` at the places diagnostics must point to, for cases that
 * expect several diagnostics in one file (`»` in temp-fleet.ts marks a single place).
 */

/** The text without its markers, and each marker's 1-based line and column. */
export const markers = (text: string): { text: string; at: Map<string, { line: number; column: number }> } => {
  const at = new Map<string, { line: number; column: number }>();
  let clean = "";
  let rest = text;
  for (let match = /⟦([^⟧]+)⟧/.exec(rest); match; match = /⟦([^⟧]+)⟧/.exec(rest)) {
    clean += rest.slice(0, match.index);
    const lines = clean.split("\n");
    at.set(match[1] as string, { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 });
    rest = rest.slice(match.index + match[0].length);
  }
  return { text: clean + rest, at };
};
