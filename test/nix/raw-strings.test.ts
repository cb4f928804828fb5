/**
 * Raw Nix (`nix\`…\``) is re-indented to where it is printed, but a line break inside one of its
 * string literals is part of the string: evaluated by the real nix-instantiate, each string keeps
 * exactly the value the user wrote, however deep the raw text is printed.
 */
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../../generators/nix/ast.ts";
import { assign, attrs, raw, select } from "../../generators/nix/build.ts";
import { lineBreakPlaces } from "../../generators/nix/print/raw-line-breaks.ts";
import { compareInNix } from "./support/nix-values.ts";

/** Raw text whose value is a string, and that string, as Nix reads the text. */
const CASES: readonly (readonly [string, string])[] = [
  ['"x  \ny"', "x  \ny"],
  ['"a\n    indented\nflush"', "a\n    indented\nflush"],
  ["''\n  p  \n   q\n''", "p  \n q\n"],
  ["''\n    deep\n  shallow\n\n  after a blank line\n''", "  deep\nshallow\n\nafter a blank line\n"],
  ["''\n  a\n      \n  b\n''", "a\n    \nb\n"],
  ['"\\\\"  + "tail  \nnext"', "\\tail  \nnext"],
  ["''\n  ''${literal}  \n  q''' $${x}\n''", "${literal}  \nq'' $${x}\n"],
  ['let\n  s = "one  \n  two";\nin\n  s + "!"', "one  \n  two!"],
  ['"${"inner  \n  x"}  \nouter"', "inner  \n  x  \nouter"],
  ["/* a \"comment\n with quotes */ ''\n  c  \n''", "c  \n"],
  ["# \"comment\n\"d  \ne\"", "d  \ne"],
];

/** `expr` printed `depth` sets deep, read back out: the raw text is re-indented that far. */
const nested = (expr: NixExpr, depth: number): NixExpr => {
  let wrapped = expr;
  for (let level = 0; level < depth; level++) wrapped = attrs([assign("a", wrapped)]);
  return depth === 0 ? wrapped : select(wrapped, ...Array.from({ length: depth }, () => "a"));
};

describe("raw Nix with strings spanning lines", () => {
  it("evaluates to the strings as written, at any depth", () => {
    const values = [0, 1, 3].flatMap((depth) => CASES.map(([text]) => nested(raw(text), depth)));
    const { printed, mismatches } = compareInNix({ kind: "list", items: values.map((value) => ({ value })) } as NixExpr, JSON.stringify([0, 1, 3].flatMap(() => CASES.map(([, value]) => value))));
    expect(mismatches, printed).toEqual([]);
  });

  it("tells line breaks in code, in strings and in indented strings apart", () => {
    expect(lineBreakPlaces('a\n"b\nc${ { d = "e\nf"; }\n}g"\n')).toEqual(["code", "string", "string", "code", "code"]);
    expect(lineBreakPlaces("''\na''$\nb'''\nc''\\\nd''\n")).toEqual(["indented-string", "indented-string", "indented-string", "indented-string", "code"]);
    expect(lineBreakPlaces("x''\ny # \"\nz /* ''\n */\n")).toEqual(["code", "code", "code", "code"]);
    expect(lineBreakPlaces('"$${\n}"\n"\\\n"')).toEqual(["string", "code", "string"]);
  });
});
