/**
 * Strings and interpolations. One-line text prints as `"…"`; text with line breaks prints as an
 * indented string `''…''` when that reads back exactly (see `fitsIndentedString`), otherwise as
 * `"…"` with `\n` escapes. nixfmt keeps whichever quotes it is given, so both are fixed points.
 */
import type { NixExpr, NixString, NixStringPart } from "../ast.ts";
import { escapeDoubleQuoted, escapeIndented, HASKELL_SPACE } from "../escape.ts";
import type { NextInString } from "../escape.ts";
import { isAbsorbableTerm, isSimple } from "./classify.ts";
import { align, forcedBreak, group, hardline, indent, join, removeLines, softline, type Doc } from "./doc.ts";
import { flatWidth } from "./layout.ts";
import type { Printer } from "./printer.ts";
import { stringLayout, type Line } from "./string-layout.ts";

/** nixfmt prints an interpolation this long or shorter on one line, whatever the width. */
const SHORT_INTERPOLATION = 30;

/** A string, in the layout chosen by {@link stringLayout}, or always `"…"` (attribute names). */
export function printString(p: Printer, s: NixString, forceDoubleQuotes = false): Doc {
  const layout = stringLayout(s);
  return layout.kind === "indented" && !forceDoubleQuotes
    ? printIndented(p, layout.lines)
    : printDoubleQuoted(p, s.parts);
}

function printDoubleQuoted(p: Printer, parts: readonly NixStringPart[]): Doc {
  const merged = mergeText(parts);
  const [only] = merged;
  if (merged.length === 0) return '""';
  if (merged.length === 1 && typeof only === "string")
    return `"${escapeDoubleQuoted(only, "close")}"`;
  const lone = isLoneInterpolation(merged);
  return group([
    '"',
    alignedLine(
      merged.map((part, i) =>
        typeof part === "string"
          ? escapeDoubleQuoted(part, i + 1 < merged.length ? "interpolation" : "close")
          : printInterpolation(p, part, lone),
      ),
    ),
    '"',
  ]);
}

function printIndented(p: Printer, lines: readonly Line[]): Doc {
  const lineDocs = lines.map((line, index) => {
    const next: NextInString = index === lines.length - 1 ? "close" : "newline";
    const lone = isLoneInterpolation(line);
    return alignedLine(
      line.map((part, i) =>
        typeof part === "string"
          ? escapeIndented(part, i + 1 < line.length ? "interpolation" : next)
          : printInterpolation(p, part, lone),
      ),
    );
  });
  // Text ending in a line break closes with `''` on its own line, at the opening's indentation.
  const closesOwnLine = lines.at(-1)!.length === 0;
  const body = closesOwnLine ? lineDocs.slice(0, -1) : lineDocs;
  return ["''", indent([hardline, join(hardline, body)]), closesOwnLine ? hardline : "", "''"];
}

/**
 * One line of a string's source, its pieces printed. When it starts with text, what breaks after
 * it is indented by the whitespace that text starts with (nixfmt's `offset` of the line's parts
 * by `takeWhile isSpace`), so an interpolation's lines line up under the line's first text.
 */
function alignedLine(pieces: readonly Doc[]): Doc {
  const [first, ...rest] = pieces;
  if (typeof first !== "string") return pieces;
  return [first, align(leadingSpaces(first), rest)];
}

/** Code points of whitespace `text` starts with, as nixfmt tells and measures it. */
function leadingSpaces(text: string): number {
  let count = 0;
  for (const character of text) {
    if (!HASKELL_SPACE.test(character)) break;
    count++;
  }
  return count;
}

function mergeText(parts: readonly NixStringPart[]): NixStringPart[] {
  const merged: NixStringPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (typeof part === "string" && typeof last === "string")
      merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  return merged;
}

/** A line holding only an interpolation (after optional spaces): nixfmt absorbs its content. */
function isLoneInterpolation(line: readonly NixStringPart[]): boolean {
  const [first, second] = line;
  return (
    (line.length === 1 && typeof first !== "string") ||
    (line.length === 2 &&
      typeof first === "string" &&
      /^ *$/.test(first) &&
      typeof second !== "string")
  );
}

/**
 * `${expr}`. Simple expressions (variables, selections, short calls) and anything that fits in
 * 30 columns stay on one line whatever the width; longer ones may break inside the braces.
 */
export function printInterpolation(p: Printer, e: NixExpr, lone = false): Doc {
  if (lone) return group(["${", p.parenBody(e), "}"]);
  if (isAbsorbableTerm(e)) return group(["${", p.termBare(e), "}"]);
  const inner = p.expr(e);
  // A line break no layout avoids (a list of two items) keeps even a short one from one line.
  if (isSimple(e) || (!forcedBreak(inner) && flatWidth(inner) <= SHORT_INTERPOLATION))
    return ["${", removeLines(inner), "}"];
  return group(["${", indent([softline, inner]), softline, "}"]);
}
