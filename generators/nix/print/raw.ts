/**
 * Verbatim Nix from the user's `nix` escape hatch: re-indented to where it is printed, and
 * classified as atomic (usable as an argument without parentheses) or not.
 */
import { checkText, isBareName, NixPrintError } from "../escape.ts";
import { hardline, hardlineInIndentedString, hardlineInString, type Doc } from "./doc.ts";
import { lineBreakPlaces, type LineBreakPlace } from "./raw-line-breaks.ts";

const NAME_PATH = /^[a-zA-Z_][a-zA-Z0-9_'-]*(\.[a-zA-Z_][a-zA-Z0-9_'-]*)*$/;
const NUMBER = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const CLOSER: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

/**
 * Whether raw text is a single term (`pkgs.hello`, `42`, `( … )`, `[ … ]`, `{ … }`), so it needs
 * no parentheses anywhere. Text with strings or comments is never trusted to be bracketed (its
 * brackets may be inside them); extra parentheses are harmless.
 */
export function isAtomicRaw(text: string): boolean {
  const t = text.trim();
  if (isSimpleRaw(t)) return true;
  if (/["'#]|\/\*/.test(t)) return false;
  const stack: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    const closer = CLOSER[c];
    if (closer !== undefined) {
      stack.push(closer);
    } else if (c === ")" || c === "]" || c === "}") {
      if (stack.pop() !== c) return false;
      if (stack.length === 0) return i === t.length - 1;
    } else if (stack.length === 0) {
      return false;
    }
  }
  return false;
}

/**
 * Whether raw text is a name, a selection of bare names or a number (`config.x.enable`, `42`):
 * what nixfmt's `isSimple` counts as simple, so a call of such arguments (`lib.mkIf
 * config.x.enable "…"`) stays on one line as nixfmt keeps it.
 */
export function isSimpleRaw(text: string): boolean {
  const t = text.trim();
  return (NAME_PATH.test(t) && t.split(".").every(isBareName)) || NUMBER.test(t);
}

/** Whether raw text is a selection of bare names (`pkgs.hello`): nixfmt lays it out as one. */
export function isSelectionRaw(text: string): boolean {
  const t = text.trim();
  return t.includes(".") && NAME_PATH.test(t) && t.split(".").every(isBareName);
}

/**
 * Whether multi-line raw text opens a bracket at the end of its first line and closes it at the
 * start of its last (`lib.mkIf c {` … `}`): nixfmt would absorb such an expression after `=`.
 */
export function isAbsorbableRaw(text: string): boolean {
  const lines = text.trim().split("\n");
  if (lines.length < 2) return false;
  const opens = /(\{|\[|\(|'')$/.test(lines[0]!.trimEnd());
  const closes = /^(\}|\]|\)|'')/.test(lines.at(-1)!.trimStart());
  return opens && closes;
}

/**
 * The raw text as lines: CRLF normalized (a lone CR is refused), surrounding blank lines removed,
 * and the common indentation stripped so the printer can re-indent it. A line break inside a
 * string literal is part of the string's value (see raw-line-breaks.ts): the line before it keeps
 * its trailing spaces, and a line inside a `"…"` string is printed exactly as written.
 */
export function printRaw(text: string): Doc {
  checkText(text, "the raw Nix text");
  const normalized = text.replaceAll("\r\n", "\n");
  if (normalized.includes("\r")) {
    throw new NixPrintError(
      "raw Nix text with a carriage return",
      "generated files use LF line endings only, and a lone CR is not a line break in Nix",
      "Use line feeds, and write \\r inside string literals.",
    );
  }
  const places = lineBreakPlaces(normalized);
  // Line i follows break i - 1 and ends at break i (the last line at none).
  const lines = normalized.split("\n").map((line, index) => ({
    text: (places[index] ?? "code") === "code" ? line.trimEnd() : line,
    before: places[index - 1],
  }));
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first]!.text === "") first += 1;
  while (last >= first && lines[last]!.text === "" && lines[last]!.before !== "string") last -= 1;
  if (first > last) {
    throw new NixPrintError(
      "an empty raw Nix expression",
      "it contains no code, which is not a valid expression",
      "Write the expression inside nix`…`, or use null.",
    );
  }
  const kept = lines.slice(first, last + 1);
  // A line inside a "…" string is written as it stands; the others are re-indented together.
  const indent = Math.min(...kept.filter((line) => line.before !== "string" && line.text.trim() !== "").map((line) => line.text.length - line.text.replace(/^ +/, "").length));
  return kept.flatMap((line, index): Doc[] => {
    const text = line.before === "string" ? line.text : line.text.slice(indent);
    return index === 0 ? [text] : [LINE_BREAK[line.before ?? "code"], text];
  });
}

/** How each kind of line break of raw text is printed (see {@link LineBreakPlace}). */
const LINE_BREAK: Readonly<Record<LineBreakPlace, Doc>> = {
  code: hardline,
  string: hardlineInString,
  "indented-string": hardlineInIndentedString,
};
