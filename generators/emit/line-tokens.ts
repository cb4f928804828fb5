/**
 * A text's lines as jsdiff's line diff sees them: each with its line break (`\n`, so `\r\n` keeps
 * its `\r`), the last one without when the text does not end in one, none for an empty text. The
 * diffs typeflake builds without jsdiff (`whole-file-patch.ts`, `diff-summary.ts`) count and show
 * lines exactly as jsdiff's would.
 */
export function lineTokens(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}
