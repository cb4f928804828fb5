/**
 * Structured option type → the description nixpkgs would print for it, with nixpkgs'
 * parenthesisation rules (`optionDescriptionPhrase`). Messages use it for values nested inside
 * an option (a list item, an attribute), and the parser's tests use it to prove the parser lost
 * nothing: describing a parsed description gives the description back.
 */
import type { OptionType } from "./option-type.ts";
import type { DescriptionClass } from "./phrase.ts";
import { COMMA_CLAUSES, namedPhraseClass } from "./type-phrases.ts";

type Allowed = readonly DescriptionClass[];

const NOUN: Allowed = ["noun"];
const NOUN_OR_COMPOSITE: Allowed = ["noun", "composite"];
const NOUN_OR_CONJUNCTION: Allowed = ["noun", "conjunction"];
const RIGHT_ALTERNATIVE: Allowed = ["noun", "conjunction", "composite"];

/** The nixpkgs description of `type`. */
export function describeOptionType(type: OptionType): string {
  if (type.name !== undefined) return type.name;
  return describeStructure(type) + (type.checks ?? []).map(refinement).join("");
}

const refinement = (check: string): string =>
  COMMA_CLAUSES.includes(check) ? `, ${check}` : ` (with check: ${check})`;

function describeStructure(type: OptionType): string {
  switch (type.kind) {
    case "any":
      return type.unknown ?? "unspecified value";
    case "bool":
      return "boolean";
    case "int":
      return describeInt(type.min, type.max);
    case "float":
      return "floating point number";
    case "string":
      if (type.pattern !== undefined) return `string matching the pattern ${type.pattern}`;
      if (type.separator !== undefined) return `strings concatenated with ${JSON.stringify(type.separator)}`;
      return "string";
    case "path":
      if (type.inStore === undefined) return "absolute path";
      return type.inStore ? "path in the Nix store" : "path not in the Nix store";
    case "package":
      return "package";
    case "null":
      return "null";
    case "enum":
      if (type.values.length === 0) return "impossible (empty enum)";
      if (type.values.length === 1) return `value ${showEnumValue(type.values[0] as string)} (singular enum)`;
      return `one of ${type.values.map(showEnumValue).join(", ")}`;
    case "list": {
      const list = `list of ${phrase(type.of, NOUN_OR_COMPOSITE)}`;
      return type.nonEmpty ? `non-empty (${list})` : list;
    }
    case "attrs":
      return `${type.lazy ? "lazy attribute set" : "attribute set"} of ${phrase(type.of, NOUN_OR_COMPOSITE)}`;
    case "submodule":
      return type.freeform ? `open submodule of ${phrase(type.freeform, NOUN_OR_COMPOSITE)}` : "submodule";
    case "either": {
      if (type.coerced) {
        const [target, from] = type.of as [OptionType, OptionType];
        return `${phrase(target, NOUN)} or ${phrase(from, NOUN)} convertible to it`;
      }
      const [first, ...rest] = type.of;
      // Only nullOr writes `null or`, and it parenthesises a composite element.
      if (first?.kind === "null") {
        const element: OptionType = rest.length === 1 ? (rest[0] as OptionType) : { kind: "either", of: rest };
        return `null or ${phrase(element, NOUN_OR_CONJUNCTION)}`;
      }
      // `oneOf [ a b c ]` is `either (either a b) c`: only the first alternative is ever a left
      // operand, and a left operand that ends in a clause is followed by a comma.
      const right = rest.map((alternative) => phrase(alternative, RIGHT_ALTERNATIVE));
      if (first !== undefined && descriptionClass(first) === "nonRestrictiveClause") {
        return `${describeOptionType(first)}, or ${right.join(" or ")}`;
      }
      return [phrase(first as OptionType, NOUN_OR_CONJUNCTION), ...right].join(" or ");
    }
    case "function":
      return `function that evaluates to a(n) ${phrase(type.returns, NOUN_OR_COMPOSITE)}`;
    case "opaque":
      return type.name;
    default:
      return unreachable(type);
  }
}

function describeInt(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `integer between ${min} and ${max} (both inclusive)`;
  if (min === 0 && max === undefined) return "unsigned integer, meaning >=0";
  if (min === 1 && max === undefined) return "positive integer, meaning >0";
  if (min === undefined && max === undefined) return "signed integer";
  return min === undefined ? `signed integer, at most ${max}` : `signed integer, at least ${min}`;
}

const showEnumValue = (value: string | number | boolean): string =>
  typeof value === "string" ? `"${value}"` : String(value);

/** nixpkgs' `optionDescriptionPhrase`: parenthesise unless the class is allowed unparenthesised. */
function phrase(type: OptionType, allowed: Allowed): string {
  const text = describeOptionType(type);
  return allowed.includes(descriptionClass(type)) ? text : `(${text})`;
}

/** nixpkgs' `descriptionClass` of a type. */
function descriptionClass(type: OptionType): DescriptionClass {
  if (type.name !== undefined) return namedPhraseClass(type.name);
  // An unknown nested description came in parentheses; keep them.
  if (type.kind === "any" && type.unknown !== undefined) return undefined;
  switch (type.kind) {
    case "either":
      return type.coerced ? undefined : "conjunction";
    case "enum":
      return type.values.length < 2 ? "noun" : "conjunction";
    case "list":
      return type.nonEmpty ? undefined : "composite";
    case "attrs":
    case "function":
      return "composite";
    case "submodule":
      return undefined;
    default:
      return namedPhraseClass(describeStructure(type));
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled option type ${JSON.stringify(value)}`);
}
