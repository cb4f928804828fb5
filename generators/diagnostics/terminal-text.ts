/**
 * Text from the user's fleet made harmless for a terminal. A key, a value, a thrown message, a
 * file name or a source line can hold characters a terminal acts on instead of showing: ESC starts
 * a sequence that can clear the screen or recolour what follows, `\r` and backspace overwrite what
 * was printed, NUL and BEL are invisible, and the bidi overrides and isolates make a line read
 * differently than it is ("Trojan Source"). Each is shown as the escape JSON would write it
 * (`\u001b`, `\r`, `\u202e`), so it stays visible; every other character, accents, CJK and emoji
 * included, is left as it is.
 *
 * Escaping only these characters, and never `\` or `"`, makes it safe to apply to text that
 * already quotes values with `JSON.stringify`: what JSON escaped is not escaped again.
 */

/**
 * C0 controls, DEL, C1 controls; the bidi embeddings, overrides (U+202A–E) and isolates
 * (U+2066–9), and the marks (U+200E–F, U+061C), which reorder what a line shows as much; the line
 * and paragraph separators (U+2028–9), which some terminals break a line at.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * `char` as JSON writes it inside a string: `\n`, `\r`, `\t`, `\b`, `\f` or `\u001b` for a C0
 * control; JSON leaves DEL, C1 and bidi characters raw, so those get the same `\uXXXX` form.
 */
const escapeChar = (char: string): string => {
  const json = JSON.stringify(char).slice(1, -1);
  return json === char ? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}` : json;
};

/** `text` with every control and bidi character written as its escape, tabs and line breaks included. */
export const terminalText = (text: string): string => text.replace(UNSAFE, escapeChar);

/**
 * One line of a file as it is shown (a source excerpt, a diff line): like `terminalText`, but
 * tabs are kept, since they are how the file is indented and a caret under it lines up only
 * through the same tabs.
 */
export const terminalLine = (line: string): string => line.split("\t").map(terminalText).join("\t");

/** Several lines of a file (a diff of a user's edit): each shown as `terminalLine` shows it, line breaks kept. */
export const terminalLines = (text: string): string => text.split("\n").map(terminalLine).join("\n");
