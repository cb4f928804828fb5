/**
 * How a string prints: `"…"` when its text is one line, `''…''` (with its lines) when it has line
 * breaks and reads back exactly as an indented string (see `fitsIndentedString`).
 */
import type { NixString, NixStringPart } from "../ast.ts";
import { fitsIndentedString } from "../escape.ts";

/** One line of a string: literal pieces (never empty, never containing "\n") and interpolations. */
export type Line = NixStringPart[];

/** How a string prints: `"…"`, or `''…''` with its lines. */
export type StringLayout =
  { readonly kind: "double" } | { readonly kind: "indented"; readonly lines: Line[] };

const layouts = new WeakMap<NixString, StringLayout>();
const DOUBLE: StringLayout = { kind: "double" };

/** The layout of a string, decided once per node (it is asked for again by the layout rules). */
export function stringLayout(s: NixString): StringLayout {
  const known = layouts.get(s);
  if (known) return known;
  if (!s.parts.some((part) => typeof part === "string" && part.includes("\n"))) return DOUBLE;
  const lines = splitLines(s.parts);
  const layout: StringLayout = fitsIndentedString(lines) ? { kind: "indented", lines } : DOUBLE;
  layouts.set(s, layout);
  return layout;
}

function splitLines(parts: readonly NixStringPart[]): Line[] {
  const lines: Line[] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      lines.at(-1)!.push(part);
      continue;
    }
    part.split("\n").forEach((piece, index) => {
      if (index > 0) lines.push([]);
      const line = lines.at(-1)!;
      const last = line.at(-1);
      if (piece === "") return;
      if (typeof last === "string") line[line.length - 1] = last + piece;
      else line.push(piece);
    });
  }
  return lines;
}
