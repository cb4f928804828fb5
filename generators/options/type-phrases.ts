/**
 * The noun phrases nixpkgs uses to describe leaf types (`boolean`, `signed integer`,
 * `systemd option`, …), each with the structured type it stands for and its description class.
 * One table drives both the parser (phrase → type) and the describer (which phrases nixpkgs puts
 * in parentheses when they are nested), so the two cannot drift apart.
 */
import { MODULE_PHRASES } from "./module-phrases.ts";
import type { OptionType } from "./option-type.ts";
import { type DescriptionClass, phrase, type TypePhrase } from "./phrase.ts";

const number = (text: string | undefined): number => Number(text);

/** Atom names inside `… atom (null, bool, int, float or string)` phrases of `pkgs.formats`. */
const ATOMS: Readonly<Record<string, OptionType>> = {
  null: { kind: "null" },
  bool: { kind: "bool" },
  int: { kind: "int" },
  float: { kind: "float" },
  str: { kind: "string" },
  string: { kind: "string" },
  path: { kind: "path" },
  package: { kind: "package" },
};

/** `(null, bool, int, float or string)` → the atom types, or `undefined` for an unknown atom. */
function atomList(list: string): OptionType[] | undefined {
  const types = list.split(/, | or /).map((atom) => ATOMS[atom.trim()]);
  return types.every((type) => type !== undefined) ? types : undefined;
}

/** An atom phrase, optionally followed by `or a (non-empty) list of them`. */
function atomType(match: RegExpExecArray): OptionType | undefined {
  const atoms = atomList(match[1] ?? "");
  if (!atoms) return undefined;
  if (match[2] === undefined) return { kind: "either", of: atoms };
  const list: OptionType = { kind: "list", of: { kind: "either", of: atoms }, ...(match[3] ? { nonEmpty: true } : {}) };
  return { kind: "either", of: [...atoms, list] };
}

const scalarAtoms: readonly OptionType[] = [
  { kind: "bool" },
  { kind: "int" },
  { kind: "float" },
  { kind: "string" },
  { kind: "path" },
  { kind: "package" },
];

const anyAttrs: OptionType = { kind: "attrs", of: { kind: "any" } };
const moduleType: OptionType = { kind: "either", of: [anyAttrs, { kind: "path" }] };

const INT = String.raw`-?\d+`;
const NUM = String.raw`-?\d+(?:\.\d+)?`;

/**
 * The phrases of `lib.types` and `pkgs.formats`, longest first where one is a prefix of another.
 * Prefix forms (`list of`, `attribute set of`, `one of`, `string matching the pattern`, `strings
 * concatenated with`) are grammar, handled by the parser itself.
 */
const LIB_PHRASES: readonly TypePhrase[] = [
  phrase(
    String.raw`integer or floating point number between (${NUM}) and (${NUM}) \(both inclusive\)`,
    (m) => {
      const range = { min: number(m[1]), max: number(m[2]) };
      return {
        kind: "either",
        of: [
          { kind: "int", ...range },
          { kind: "float", ...range },
        ],
      };
    },
    "noun",
    true,
  ),
  phrase(
    // `numbers.nonnegative` ("nonnegative" today; older nixpkgs wrote "non-negative").
    "non-?negative integer or floating point number, meaning >=0",
    () => ({
      kind: "either",
      of: [
        { kind: "int", min: 0 },
        { kind: "float", min: 0 },
      ],
    }),
    "nonRestrictiveClause",
    true,
  ),
  phrase(
    "positive integer or floating point number, meaning >0",
    () => ({
      kind: "either",
      of: [
        { kind: "int", min: 1 },
        { kind: "float", checks: [">0"] },
      ],
    }),
    "nonRestrictiveClause",
    true,
  ),
  phrase(
    "integer or floating point number",
    () => ({ kind: "either", of: [{ kind: "int" }, { kind: "float" }] }),
    "conjunction",
    true,
  ),
  phrase(
    String.raw`\d+ bit (?:un)?signed integer; between (${INT}) and (${INT}) \(both inclusive\)`,
    (m) => ({ kind: "int", min: number(m[1]), max: number(m[2]) }),
    "noun",
    true,
  ),
  phrase(
    String.raw`integer between (${INT}) and (${INT}) \(both inclusive\)`,
    (m) => ({ kind: "int", min: number(m[1]), max: number(m[2]) }),
    "noun",
    false,
  ),
  phrase("unsigned integer, meaning >=0", () => ({ kind: "int", min: 0 }), "nonRestrictiveClause", false),
  phrase("positive integer, meaning >0", () => ({ kind: "int", min: 1 }), "nonRestrictiveClause", false),
  phrase("signed integer", () => ({ kind: "int" }), "noun", false),
  phrase("integer", () => ({ kind: "int" }), "noun", true),
  phrase("floating point number", () => ({ kind: "float" }), "noun", false),
  phrase(String.raw`boolean \(merged using or\)`, () => ({ kind: "bool" }), "noun", true),
  phrase("boolean", () => ({ kind: "bool" }), "noun", false),
  phrase("lines", () => ({ kind: "string", separator: "\n" }), "noun", true),
  phrase(
    String.raw`\(optionally newline-terminated\) single-line string`,
    () => ({ kind: "string", checks: ["single-line"] }),
    "noun",
    true,
  ),
  phrase(
    "string, with spaces inside double quotes",
    () => ({ kind: "string", checks: ["with spaces inside double quotes"] }),
    "noun",
    true,
  ),
  phrase("string without spaces", () => ({ kind: "string", checks: ["without spaces"] }), "noun", true),
  phrase("non-empty string", () => ({ kind: "string", checks: ["non-empty"] }), "noun", true),
  phrase("string", () => ({ kind: "string" }), "noun", false),
  // `types.pathWith` wordings (and the older `path`), the ones describe cannot rebuild named.
  phrase("path in the Nix store", () => ({ kind: "path", inStore: true }), "noun", false),
  phrase("path not in the Nix store", () => ({ kind: "path", inStore: false }), "noun", false),
  phrase("absolute path (not )?in the Nix store", (m) => ({ kind: "path", inStore: m[1] === undefined }), "noun", true),
  phrase("absolute path", () => ({ kind: "path" }), "noun", false),
  phrase("relative path", () => ({ kind: "string" }), "noun", true),
  phrase("path", () => ({ kind: "path" }), "noun", true),
  phrase("shell package", () => ({ kind: "package" }), "noun", true),
  phrase("package", () => ({ kind: "package" }), "noun", false),
  phrase("unspecified value", () => ({ kind: "any" }), "noun", true),
  phrase("raw value", () => ({ kind: "any" }), "noun", true),
  phrase("anything", () => ({ kind: "any" }), "noun", true),
  phrase("optionType", () => ({ kind: "any" }), "noun", true),
  // `pkgs.formats` values: "JSON value", "YAML 1.1 value", "TOML value", … are `nullOr (oneOf …)`
  // (or `oneOf …`) with a new description, so they keep the class of a conjunction.
  // TOML alone has no null (`pkgs.formats.toml` is `oneOf` without `nullOr`).
  phrase("TOML value", () => ({ kind: "any", checks: ["without null"] }), "conjunction", true),
  phrase(String.raw`[A-Z][A-Za-z]*(?: \d+(?:\.\d+)?)? value`, () => ({ kind: "any" }), "conjunction", true),
  // `pkgs.formats.lua` alone sets its class.
  phrase("lua value", () => ({ kind: "any" }), "noun", true),
  phrase("inline lua", (m) => ({ kind: "opaque", name: m[0] }), "noun", true),
  // `attrTag`: an attribute set with exactly one attribute, whose name picks the variant.
  phrase("attribute-tagged union", () => anyAttrs, "noun", true),
  // The deprecated `types.string` (`separatedString ""`).
  phrase("Concatenated string", () => ({ kind: "string", separator: "" }), "noun", true),
  phrase("attribute set", () => anyAttrs, undefined, true),
  phrase("submodule", () => ({ kind: "submodule" }), undefined, false),
  phrase(
    "systemd option",
    () => ({ kind: "either", of: [...scalarAtoms, { kind: "list", of: { kind: "either", of: scalarAtoms } }] }),
    undefined,
    true,
  ),
  phrase(
    "sysctl option value",
    () => ({ kind: "either", of: [{ kind: "bool" }, { kind: "string" }, { kind: "int" }, { kind: "null" }] }),
    undefined,
    true,
  ),
  phrase("value that can be coerced to string", () => ({ kind: "either", of: scalarAtoms }), undefined, true),
  phrase("nixpkgs config", () => anyAttrs, undefined, true),
  phrase("nixpkgs overlay", (m) => ({ kind: "opaque", name: m[0] }), undefined, true),
  phrase("Nixpkgs package set", (m) => ({ kind: "opaque", name: m[0] }), undefined, true),
  phrase(
    "An evaluation of Nixpkgs; the top level attribute set of packages",
    (m) => ({ kind: "opaque", name: m[0] }),
    undefined,
    true,
  ),
  phrase("(?:Home Manager |deferred )?module", () => moduleType, undefined, true),
  phrase(
    String.raw`(?:[A-Za-z][\w-]* )*atom \(([^()]*)\)( or a (non-empty )?list of them(?: for duplicate keys)?)?`,
    atomType,
    "conjunction",
    true,
  ),
];

/** Every leaf phrase: the modules' own wordings first, as they may start with a generic phrase. */
export const TYPE_PHRASES: readonly TypePhrase[] = [...MODULE_PHRASES, ...LIB_PHRASES];

/** Clauses nixpkgs appends after a comma to any type (`passwdEntry`: `string, not containing newlines or colons`). */
export const COMMA_CLAUSES: readonly string[] = ["not containing newlines or colons"];

/** The description class of a `name`d type, found by matching the name against the table. */
export function namedPhraseClass(name: string): DescriptionClass {
  if (COMMA_CLAUSES.some((clause) => name.endsWith(`, ${clause}`))) return "nonRestrictiveClause";
  if (name.startsWith("section of an INI file")) return "composite";
  for (const entry of TYPE_PHRASES) {
    entry.pattern.lastIndex = 0;
    const match = entry.pattern.exec(name);
    if (match && match[0].length === name.length) return entry.descriptionClass;
  }
  // A refined phrase (`string (with check: non-empty)`) keeps the class of its noun.
  return "noun";
}
