/**
 * Unit tests for `escape.ts`: the exact text of literals and escapes. That the text reads back
 * as the original value is proven against the real Nix in `roundtrip.property.test.ts`.
 */
import { describe, expect, it } from "vitest";
import {
  attrNameText,
  commentLines,
  escapeDoubleQuoted,
  escapeIndented,
  fitsIndentedString,
  floatText,
  identifierText,
  intText,
  NixPrintError,
  pathText,
} from "../../generators/nix/escape.ts";

describe("double-quoted string text", () => {
  it("escapes backslash, quote, line breaks, tabs and `${`", () => {
    expect(escapeDoubleQuoted('a\\b"c\n\r\t${d}', "close")).toBe('a\\\\b\\"c\\n\\r\\t\\${d}');
  });

  it("leaves a lone `$` and `$$` alone, but escapes a `$` right before an interpolation", () => {
    expect(escapeDoubleQuoted("$HOME $$ $", "close")).toBe("$HOME $$ $");
    expect(escapeDoubleQuoted("cost $", "interpolation")).toBe("cost \\$");
    expect(escapeDoubleQuoted("$${", "close")).toBe("$\\${");
  });
});

describe("indented string text", () => {
  it("escapes `''` as `'''` and `${` as `''${`", () => {
    expect(escapeIndented("a''b${c}", "newline")).toBe("a'''b''${c}");
    expect(escapeIndented("''''", "newline")).toBe("''''''");
  });

  it("writes tabs and carriage returns as escapes", () => {
    expect(escapeIndented("\tx\r", "newline")).toBe("''\\tx''\\r");
  });

  it("escapes a single quote that would merge with a following `''`", () => {
    expect(escapeIndented("it'", "close")).toBe("it''\\'");
    expect(escapeIndented("'${x}", "newline")).toBe("''\\'''${x}");
    expect(escapeIndented("'''", "close")).toBe("'''''\\'");
    expect(escapeIndented("it's", "close")).toBe("it's");
    expect(escapeIndented("x'", "interpolation")).toBe("x'");
  });

  it("escapes a `$` right before an interpolation", () => {
    expect(escapeIndented("price $", "interpolation")).toBe("price ''$");
    expect(escapeIndented("price $", "close")).toBe("price $");
  });

  it("is used only when Nix's indentation stripping keeps the text exact", () => {
    expect(fitsIndentedString([["a"], ["  b"], []])).toBe(true);
    expect(fitsIndentedString([["  a"], ["  b"], []])).toBe(false);
    expect(fitsIndentedString([["  a"], [{ interpolation: true }], []])).toBe(true);
    expect(fitsIndentedString([["a "], ["b"]])).toBe(false);
    expect(fitsIndentedString([[], [], []])).toBe(true);
    expect(fitsIndentedString([["  \ta"], ["  b"]])).toBe(false);
  });
});

describe("names", () => {
  it("quotes attribute names only when needed", () => {
    expect(attrNameText("hostName")).toBe("hostName");
    expect(attrNameText("wireguard-key")).toBe("wireguard-key");
    expect(attrNameText("_x'")).toBe("_x'");
    expect(attrNameText("server min protocol")).toBe('"server min protocol"');
    expect(attrNameText("if")).toBe('"if"');
    expect(attrNameText("")).toBe('""');
    expect(attrNameText("1a")).toBe('"1a"');
    expect(attrNameText("${x}")).toBe('"\\${x}"');
  });

  it("refuses keywords and non-identifiers as variables", () => {
    expect(identifierText("nixos-hardware")).toBe("nixos-hardware");
    expect(() => identifierText("let")).toThrow(/keyword/);
    expect(() => identifierText("a.b")).toThrow(NixPrintError);
  });
});

describe("literals", () => {
  it("prints floats as Haskell's `show` does, so nixfmt leaves them unchanged", () => {
    const cases: [number, string][] = [
      [0.5, "0.5"],
      [3, "3.0"],
      [100, "100.0"],
      [1234567, "1234567.0"],
      [12345678, "1.2345678e7"],
      [0.1, "0.1"],
      [0.01, "1.0e-2"],
      [1e21, "1.0e21"],
      [1.5e-7, "1.5e-7"],
      [-2.75, "-2.75"],
      [-0, "0.0"],
      [Number.MAX_VALUE, "1.7976931348623157e308"],
    ];
    for (const [value, text] of cases) expect(floatText(value), String(value)).toBe(text);
  });

  it("prints the smallest integer as a subtraction", () => {
    expect(intText(-(2n ** 63n))).toBe("-9223372036854775807 - 1");
    expect(intText(-5n)).toBe("-5");
  });

  it("accepts relative, parent and absolute paths", () => {
    for (const ok of [
      "./a",
      "./.",
      "../../secrets/secrets.yaml",
      "/etc/nixos",
      "./a+b/c_d-e.nix",
    ]) {
      expect(pathText(ok)).toBe(ok);
    }
  });
});

describe("comments", () => {
  it("prints one `#` line per line of text, without trailing whitespace", () => {
    expect(commentLines("one\r\ntwo  \n\nthree")).toEqual(["# one", "# two", "#", "# three"]);
  });
});
