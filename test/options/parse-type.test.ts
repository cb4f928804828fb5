import { describe, expect, it } from "vitest";
import { describeOptionType } from "../../generators/options/describe-type.ts";
import { type OptionType, typeParts } from "../../generators/options/option-type.ts";
import { isFallback, parseOptionType } from "../../generators/options/parse-type.ts";
import { shippedTypeTexts } from "./support.ts";

describe("parseOptionType over the shipped schema", () => {
  it("sees every distinct type description", () => {
    expect(shippedTypeTexts.length).toBeGreaterThan(130);
  });

  it.each(shippedTypeTexts)("understands %j without falling back", (text) => {
    const type = parseOptionType(text);
    expect([...typeParts(type)].filter(isFallback)).toEqual([]);
  });

  // Describing the parsed type must give nixpkgs' text back: nothing was dropped or misread.
  it.each(shippedTypeTexts)("round-trips %j through describeOptionType", (text) => {
    expect(describeOptionType(parseOptionType(text))).toBe(text);
  });
});

// Wordings of nixpkgs' lib.types and pkgs.formats that the shipped snapshot happens not to use.
const OTHER_NIXPKGS_WORDINGS = [
  "8 bit signed integer; between -128 and 127 (both inclusive)",
  "32 bit unsigned integer; between 0 and 4294967295 (both inclusive)",
  "integer or floating point number",
  "integer or floating point number between 0 and 1.5 (both inclusive)",
  "non-negative integer or floating point number, meaning >=0",
  "positive integer or floating point number, meaning >0",
  "boolean (merged using or)",
  "absolute path in the Nix store",
  "list of absolute path not in the Nix store",
  "path in the Nix store",
  "relative path",
  'strings concatenated with ","',
  "shell package",
  "module",
  "attribute set of (YAML 1.1 value)",
  "TOML value",
  "Nixpkgs package set",
  "function that evaluates to a(n) (attribute set)",
  "impossible (empty enum)",
  "one of 1, 2, 3",
  "null or (list of (submodule))",
  "anything",
  // `either` after a clause, as nixpkgs writes it, alone and inside `nullOr`.
  "positive integer, meaning >0, or string",
  "null or unsigned integer, meaning >=0, or value \"auto\" (singular enum)",
  "attribute set of (Python value)",
  "list of lua value",
  "inline lua",
  "attribute-tagged union",
  "Concatenated string",
  "attribute set of (atom (null, bool, int, float or string) or a non-empty list of them)",
  "section of an INI file (attrs of INI atom (null, bool, int, float or string) or a list of them for duplicate keys)",
];

describe("parseOptionType over other nixpkgs wordings", () => {
  it.each(OTHER_NIXPKGS_WORDINGS)("understands and round-trips %j", (text) => {
    const type = parseOptionType(text);
    expect([...typeParts(type)].filter(isFallback)).toEqual([]);
    expect(describeOptionType(type)).toBe(text);
  });
});

describe("parseOptionType structure", () => {
  it.each([
    ["boolean", { kind: "bool" }],
    ["null or string", { kind: "either", of: [{ kind: "null" }, { kind: "string" }] }],
    [
      "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)",
      {
        kind: "list",
        of: { kind: "int", min: 0, max: 65535, name: "16 bit unsigned integer; between 0 and 65535 (both inclusive)" },
      },
    ],
    ["integer between 300 and 399 (both inclusive)", { kind: "int", min: 300, max: 399 }],
    ["positive integer, meaning >0", { kind: "int", min: 1 }],
    ["unsigned integer, meaning >=0", { kind: "int", min: 0 }],
    ['one of "auto", "user"', { kind: "enum", values: ["auto", "user"] }],
    [
      'signed integer or value "auto" (singular enum)',
      { kind: "either", of: [{ kind: "int" }, { kind: "enum", values: ["auto"] }] },
    ],
    ["attribute set of (submodule)", { kind: "attrs", of: { kind: "submodule" } }],
    [
      "lazy attribute set of (null or boolean)",
      { kind: "attrs", lazy: true, of: { kind: "either", of: [{ kind: "null" }, { kind: "bool" }] } },
    ],
    ['strings concatenated with "\\n"', { kind: "string", separator: "\n" }],
    ["string matching the pattern [0-7]{1,5}", { kind: "string", pattern: "[0-7]{1,5}" }],
    ["null or path not in the Nix store", { kind: "either", of: [{ kind: "null" }, { kind: "path", inStore: false }] }],
    ["package", { kind: "package" }],
    [
      "(submodule) or boolean convertible to it",
      { kind: "either", coerced: true, of: [{ kind: "submodule" }, { kind: "bool" }] },
    ],
    ["open submodule of (JSON value)", { kind: "submodule", freeform: { kind: "any", name: "JSON value" } }],
    [
      "function that evaluates to a(n) list of package",
      { kind: "function", returns: { kind: "list", of: { kind: "package" } } },
    ],
    ["non-empty (list of string)", { kind: "list", of: { kind: "string" }, nonEmpty: true }],
    [
      "string (with check: non-empty)",
      { kind: "string", checks: ["non-empty"], name: "string (with check: non-empty)" },
    ],
    ["nixpkgs overlay", { kind: "opaque", name: "nixpkgs overlay" }],
  ])("%s", (text, expected) => {
    expect(parseOptionType(text)).toEqual(expected);
  });

  it.each([
    [
      "attribute set of (string, path, bool, or integer)",
      {
        kind: "attrs",
        of: {
          kind: "either",
          of: [{ kind: "string", pattern: "[^\r\n]*" }, { kind: "path" }, { kind: "bool" }, { kind: "int" }],
          name: "string, path, bool, or integer",
        },
      },
    ],
    [
      "attribute set of dataset/template options",
      {
        kind: "attrs",
        of: {
          kind: "attrs",
          of: {
            kind: "either",
            of: [{ kind: "null" }, { kind: "string" }, { kind: "int" }, { kind: "bool" }, { kind: "list", of: { kind: "string" } }],
          },
          name: "dataset/template options",
        },
      },
    ],
    ["list of configured template name", { kind: "list", of: { kind: "string", name: "configured template name" } }],
    [
      "list of package that is a Home Assistant component",
      { kind: "list", of: { kind: "package", name: "package that is a Home Assistant component" } },
    ],
    [
      "string starting with / or ~/",
      { kind: "string", checks: ["starting with / or ~/"], name: "string starting with / or ~/" },
    ],
    [
      "null or (nonnegative integer or floating point number, meaning >=0)",
      {
        kind: "either",
        of: [
          { kind: "null" },
          {
            kind: "either",
            of: [
              { kind: "int", min: 0 },
              { kind: "float", min: 0 },
            ],
            name: "nonnegative integer or floating point number, meaning >=0",
          },
        ],
      },
    ],
    [
      "positive integer, meaning >0, or string",
      { kind: "either", of: [{ kind: "int", min: 1 }, { kind: "string" }] },
    ],
  ])("a module's own wording or a newer lib wording: %s", (text, expected) => {
    expect(parseOptionType(text)).toEqual(expected);
  });

  it("types unbound's prose description of its settings as the type its module builds", () => {
    const text = shippedTypeTexts.find((description) => description.startsWith("open submodule of unbound.conf"));
    const type = parseOptionType(text ?? "");
    expect(type.kind === "submodule" && type.freeform?.kind).toBe("attrs");
    const setting = { kind: "either", of: [{ kind: "string" }, { kind: "attrs" }] };
    expect(type).toMatchObject({
      freeform: { of: { kind: "either", of: [setting, { kind: "list", of: setting }] } },
    });
  });

  it("keeps enum strings that contain separators", () => {
    expect(parseOptionType('one of "a, b", "c"')).toEqual({ kind: "enum", values: ["a, b", "c"] });
  });

  it("ends a pattern at the group that contains it", () => {
    expect(parseOptionType("null or (string matching the pattern ^a(b|c)[)]$) or signed integer")).toEqual({
      kind: "either",
      of: [{ kind: "null" }, { kind: "string", pattern: "^a(b|c)[)]$" }, { kind: "int" }],
    });
  });
});

describe("the fallback to any Nix value", () => {
  it("covers a whole unknown description", () => {
    expect(parseOptionType("list of strings")).toEqual({ kind: "any", unknown: "list of strings" });
  });

  it("covers only an unknown parenthesised group", () => {
    expect(parseOptionType("null or (Lua inline expression)")).toEqual({
      kind: "either",
      of: [{ kind: "null" }, { kind: "any", unknown: "Lua inline expression" }],
    });
  });

  it("covers a group that is understood only in part", () => {
    const type = parseOptionType("list of (string foo)");
    expect(type).toEqual({ kind: "list", of: { kind: "any", unknown: "string foo" } });
    expect(describeOptionType(type)).toBe("list of (string foo)");
  });

  it("covers descriptions nested deeper than nixpkgs nests, instead of overflowing the stack", () => {
    const lists = `${"list of ".repeat(10_000)}string`;
    expect(parseOptionType(lists)).toEqual({ kind: "any", unknown: lists });
    const groups = `${"(".repeat(10_000)}string${")".repeat(10_000)}`;
    expect(isFallback([...typeParts(parseOptionType(groups))].at(-1) as OptionType)).toBe(true);
    // Real nesting, a few levels deep, is still understood.
    expect(parseOptionType(`${"list of ".repeat(8)}string`)).toMatchObject({ kind: "list", of: { kind: "list" } });
  });

  it("is marked so tools can list it", () => {
    expect(isFallback(parseOptionType("mystery"))).toBe(true);
    expect(isFallback(parseOptionType("unspecified value"))).toBe(false);
  });
});
