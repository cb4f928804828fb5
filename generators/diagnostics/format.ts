/**
 * Print diagnostics as a compiler does (ts-morph, rustc):
 *
 * ```text
 * hosts/nas/host.ts:14:7 error services.samba.shares.media.path: must be an absolute path, got "tank/media"
 *   14 |       path: "tank/media",
 *      |       ^
 *
 * 1 error in 1 file
 * ```
 *
 * Every piece taken from the fleet (file names, object paths, messages quoting its keys and
 * values, source lines) goes through `terminalText`/`terminalLine`, so no control or bidi
 * character of the user's reaches the terminal raw; the colours are added around them after.
 */
import { palette, type Palette } from "../emit/color.ts";
import { formatObjectPath, type Diagnostic, type RelatedOrigin } from "./diagnostic.ts";
import { displayPath } from "./display-path.ts";
import { displayWidth } from "./display-width.ts";
import { messageOf } from "./messages/index.ts";
import { terminalLine, terminalText } from "./terminal-text.ts";

/** How to print. */
export interface FormatOptions {
  /** ANSI colours; a command passes `context.color(stderr)` for the terminal's choice. */
  readonly color: boolean;
}

type Colors = Palette;

const where = (origin: RelatedOrigin): string => {
  const file = terminalText(displayPath(origin.file));
  return origin.location ? `${file}:${origin.location.line}:${origin.location.column}` : file;
};

/** Characters of a source line shown at most, and of them before the column: a minified or generated line can be megabytes long. */
const EXCERPT_WIDTH = 160;
const EXCERPT_BEFORE = 60;

/** Whether `index` falls between the two halves of a surrogate pair, where a cut would leave each half alone. */
const splitsPair = (text: string, index: number): boolean =>
  index > 0 && index < text.length && /[\uD800-\uDBFF]/.test(text.charAt(index - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(index));

/**
 * The part of `line` shown around the 0-based `column`: the whole line when it is short, else a
 * window of it with `…` where it was cut; `before` is what stands left of the column.
 */
const visiblePart = (line: string, column: number): { shown: string; before: string } => {
  if (line.length <= EXCERPT_WIDTH) return { shown: line, before: line.slice(0, column) };
  let start = Math.max(0, Math.min(column - EXCERPT_BEFORE, line.length - EXCERPT_WIDTH));
  if (splitsPair(line, start)) start += 1;
  let end = Math.min(line.length, start + EXCERPT_WIDTH);
  if (splitsPair(line, end)) end -= 1;
  const open = start > 0 ? "…" : "";
  return { shown: `${open}${line.slice(start, end)}${end < line.length ? "…" : ""}`, before: `${open}${line.slice(start, column)}` };
};

/**
 * The source line under a gutter, and a caret under the column: tabs kept so it lines up, and the
 * indent measured on the escaped text before the column, since an escape is wider than the
 * character it stands for, in the columns each character takes (a CJK character two).
 */
const excerpt = (diagnostic: Diagnostic, colors: Colors): string[] => {
  const location = diagnostic.location;
  // An info line is about a whole file: the line it is placed at says nothing more.
  if (location?.sourceLine === undefined || diagnostic.severity === "info") return [];
  const number = String(location.line);
  const gutter = " ".repeat(number.length);
  const { shown, before } = visiblePart(location.sourceLine, Math.max(0, location.column - 1));
  const indent = [...terminalLine(before)].map((char) => (char === "\t" ? "\t" : " ".repeat(displayWidth(char)))).join("");
  const caretColor = diagnostic.severity === "error" ? colors.red : colors.yellow;
  return [
    `  ${colors.dim(`${number} |`)} ${terminalLine(shown)}`,
    `  ${colors.dim(`${gutter} |`)} ${indent}${caretColor("^")}`,
  ];
};

const formatOne = (diagnostic: Diagnostic, colors: Colors): string => {
  const severity =
    diagnostic.severity === "error"
      ? colors.bold(colors.red("error"))
      : diagnostic.severity === "warning"
        ? colors.bold(colors.yellow("warning"))
        : colors.bold(colors.cyan("info"));
  const path = terminalText(formatObjectPath(diagnostic.origin.objectPath));
  const head = `${colors.bold(where({ ...diagnostic.origin, ...(diagnostic.location ? { location: diagnostic.location } : {}) }))} ${severity}${path === "" ? "" : ` ${colors.bold(path)}`}: ${terminalText(messageOf(diagnostic))}`;
  const related = (diagnostic.related ?? []).map((origin) => {
    const relatedPath = terminalText(formatObjectPath(origin.objectPath));
    return `  ${colors.cyan("related:")} ${where(origin)}${relatedPath === "" ? "" : ` ${relatedPath}`}`;
  });
  return [head, ...excerpt(diagnostic, colors), ...related].join("\n");
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** `2 errors in 1 file`, `1 error and 1 warning in 2 files`. */
export const summary = (diagnostics: readonly Diagnostic[]): string => {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length;
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.origin.file)).size;
  const counts = [errors > 0 ? plural(errors, "error") : "", warnings > 0 ? plural(warnings, "warning") : ""]
    .filter(Boolean)
    .join(" and ");
  return `${counts} in ${plural(files, "file")}`;
};

/**
 * Every diagnostic (already located and sorted, as `loadAndValidate` returns them), a blank line
 * between each, then the count line. Empty for no diagnostics.
 */
export const formatDiagnostics = (diagnostics: readonly Diagnostic[], options: FormatOptions): string => {
  if (diagnostics.length === 0) return "";
  const colors = palette(options.color);
  const blocks = diagnostics.map((diagnostic) => formatOne(diagnostic, colors));
  return `${blocks.join("\n\n")}\n\n${colors.bold(summary(diagnostics))}\n`;
};
