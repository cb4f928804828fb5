/**
 * Checks NixOS definitions against data/nixos/nixos-options.json: every option path must be
 * declared (`<name>` matches any attribute, `*` a list element; undeclared attributes of an open
 * submodule take its freeform type) and every value must fit the declared type. Types are read
 * with typeflake's own parser of nixpkgs type descriptions.
 */
import { readFileSync } from "node:fs";
import { isNixExpression, type NixValue } from "../../../dsl/expressions.ts";
import type { OptionType } from "../../../generators/options/option-type.ts";
import { parseOptionType } from "../../../generators/options/parse-type.ts";

interface OptionEntry {
  readonly type: string;
  readonly loc: readonly string[];
}

// The data covers NixOS, sops-nix, agenix and home-manager's NixOS module (data/nixos/PROVENANCE.md).
const snapshot = JSON.parse(readFileSync(new URL("../../../data/nixos/nixos-options.json", import.meta.url), "utf8")) as Record<string, OptionEntry>;
const OPTIONS: readonly OptionEntry[] = Object.values(snapshot);

const segmentMatches = (pattern: string, segment: string): boolean => pattern === segment || pattern === "<name>" || (pattern === "*" && segment === "*");

const declared = (path: readonly string[]): OptionEntry | undefined =>
  OPTIONS.find((option) => option.loc.length === path.length && option.loc.every((pattern, index) => segmentMatches(pattern, path[index] as string)));

const declaredBelow = (path: readonly string[]): boolean =>
  OPTIONS.some((option) => option.loc.length > path.length && path.every((segment, index) => segmentMatches(option.loc[index] as string, segment)));

const isAttrSet = (value: NixValue): value is { readonly [name: string]: NixValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** The type of an undeclared attribute inside a value of type `type`, if it may have any. */
const childType = (type: OptionType | undefined): OptionType | undefined => {
  switch (type?.kind) {
    case "submodule":
      return type.freeform?.kind === "attrs" ? type.freeform.of : type.freeform;
    case "attrs":
      return type.of;
    case "any":
      return type;
    default:
      return undefined;
  }
};

const show = (value: NixValue): string => (isNixExpression(value) ? `${value.kind} expression` : JSON.stringify(value));

/** Whether a value that is not an attribute set or list fits a leaf type. */
const fitsLeaf = (type: OptionType, value: NixValue): boolean => {
  const expression = isNixExpression(value) ? value : undefined;
  switch (type.kind) {
    case "any":
      return true;
    case "bool":
      return typeof value === "boolean";
    case "int":
      return typeof value === "number" && Number.isInteger(value) && (type.min ?? -Infinity) <= value && value <= (type.max ?? Infinity);
    case "float":
      return typeof value === "number";
    case "string":
      return typeof value === "string" || ["string", "secret", "secretPath", "host"].includes(expression?.kind ?? "");
    case "path":
      return (
        (typeof value === "string" && value.startsWith("/")) ||
        ["secret", "secretPath"].includes(expression?.kind ?? "") ||
        (expression?.kind === "path" && type.inStore !== false)
      );
    case "package":
      return expression?.kind === "package";
    case "null":
      return value === null;
    case "enum":
      return type.values.includes(value as string);
    default:
      return false;
  }
};

/** Problems of `value` at `path`, whose type is `type`. */
const checkTyped = (path: readonly string[], type: OptionType, value: NixValue): string[] => {
  if (isNixExpression(value)) {
    switch (value.kind) {
      case "raw":
        return [];
      case "override":
      case "order":
      case "if":
        return checkTyped(path, type, value.value);
      case "merge":
        return value.values.flatMap((item) => checkTyped(path, type, item));
      default:
        break;
    }
  }
  const where = path.join(".");
  switch (type.kind) {
    case "either":
      return type.of.some((alternative) => checkTyped(path, alternative, value).length === 0) ? [] : [`${where}: ${show(value)} fits none of ${type.name ?? "the alternatives"}`];
    case "list":
      if (!Array.isArray(value)) return [`${where}: expected a list, got ${show(value)}`];
      if (type.nonEmpty && value.length === 0) return [`${where}: must not be empty`];
      return (value as readonly NixValue[]).flatMap((item) => checkTyped([...path, "*"], type.of, item));
    case "attrs":
      if (!isAttrSet(value)) return [`${where}: expected an attribute set, got ${show(value)}`];
      return Object.entries(value).flatMap(([name, item]) => checkTyped([...path, name], type.of, item));
    case "submodule":
      if (!isAttrSet(value)) return [`${where}: expected a submodule, got ${show(value)}`];
      // A submodule whose options the snapshot does not list cannot be checked further.
      if (!type.freeform && !declaredBelow(path)) return [];
      return Object.entries(value).flatMap(([name, item]) => checkOption([...path, name], item, childType(type)));
    default:
      return fitsLeaf(type, value) ? [] : [`${where}: ${show(value)} is not of type ${type.name ?? type.kind}`];
  }
};

/**
 * Problems of `value` at option `path`; `freeform` is the type `path` has when it is not declared
 * (an attribute of an open submodule).
 */
const checkOption = (path: readonly string[], value: NixValue, freeform: OptionType | undefined): string[] => {
  const option = declared(path);
  if (option) return checkTyped(path, parseOptionType(option.type), value);
  if (declaredBelow(path)) {
    if (!isAttrSet(value)) return [`${path.join(".")}: expected an attribute set of options, got ${show(value)}`];
    return Object.entries(value).flatMap(([name, item]) => checkOption([...path, name], item, childType(freeform)));
  }
  if (freeform) return checkTyped(path, freeform, value);
  return [`${path.join(".")}: no such NixOS option`];
};

/** The type an undeclared `path` takes from its nearest declared ancestor (an open submodule). */
const inheritedType = (path: readonly string[]): OptionType | undefined => {
  for (let depth = path.length - 1; depth > 0; depth -= 1) {
    const ancestor = declared(path.slice(0, depth));
    if (ancestor) return path.slice(depth).reduce<OptionType | undefined>((type) => childType(type), parseOptionType(ancestor.type));
  }
  return undefined;
};

/** Problems of one NixOS definition: an undeclared option path, or a value of the wrong type. */
export const checkDefinition = (path: readonly string[], value: NixValue): string[] => checkOption(path, value, inheritedType(path));
