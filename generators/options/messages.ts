/**
 * Every diagnostic the option checks produce, worded like nixpkgs' `lib/modules.nix`
 * ("The option `services.opensshh' does not exist. Did you mean `services.openssh'?") but without
 * a file name: the diagnostic's origin carries the TypeScript location. Checks decide *what* is
 * wrong; the words are chosen here, in one place.
 */
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { isNixExpression, type NixExpression } from "../../dsl/expressions.ts";
import type { AliasFinding } from "./aliases.ts";
import { showValuePath, type ValuePath } from "./option-path.ts";
import type { EnumType, FloatType, IntType } from "./option-type.ts";
import { showPattern } from "./value-checks.ts";

/** Stable diagnostic codes. */
export const OPTION_CODES = {
  unknown: "unknown-option",
  renamed: "renamed-option",
  removed: "removed-option",
  alias: "aliased-option",
  readOnly: "read-only-option",
  type: "option-type-mismatch",
  enum: "option-not-in-enum",
  range: "option-out-of-range",
  check: "option-check-failed",
  wrapper: "option-wrapper-misplaced",
} as const;

const quote = (path: ValuePath): string => `\`${showValuePath(path)}'`;

/** The usual names of `mkOverride` and `mkOrder` priorities. */
const WRAPPER_NAMES: Readonly<Record<"override" | "order", Readonly<Record<number, string>>>> = {
  override: { 50: "mkForce", 1000: "mkDefault", 1500: "mkOptionDefault" },
  order: { 500: "mkBefore", 1500: "mkAfter" },
};

/** How a value reads in a message: `the string "yes"`, `a list`, `pkg("htop")`. */
function describeValue(value: unknown): string {
  if (isNixExpression(value)) return describeExpression(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length} item(s)`;
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
      return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "object":
      return "an attribute set";
    case "function":
      return "a JavaScript function (not a Nix value)";
    default:
      return `a JavaScript ${typeof value} (not a Nix value)`;
  }
}

function describeExpression(value: NixExpression): string {
  switch (value.kind) {
    case "raw":
      return "raw Nix";
    case "string":
      return "an interpolated string (nixString`…`)";
    case "override":
      return `${WRAPPER_NAMES.override[value.priority] ?? `mkOverride ${value.priority}`} (…)`;
    case "order":
      return `${WRAPPER_NAMES.order[value.priority] ?? `mkOrder ${value.priority}`} (…)`;
    case "if":
      return "mkIf (…)";
    case "merge":
      return "mkMerge [ … ]";
    case "package":
      return `the package ${value.set === "pkgs" ? "pkg" : "unstablePkg"}(${JSON.stringify(value.attrPath.join("."))})`;
    case "path":
      return `the path nixPath(${JSON.stringify(value.path)})`;
    case "secret":
      return `the secret handle secret(${JSON.stringify(value.name)})`;
    case "secretPath":
      return `secret(${JSON.stringify(value.name)}).path`;
    case "host":
      return `host(${JSON.stringify(value.host)})${value.url ? `.port(${value.url.port})` : ""}`;
  }
}

/** What the index was built from, for "if NixOS has it" advice. */
export interface SchemaInfo {
  readonly sources: readonly string[];
  readonly optionCount: number;
}

/** An option path the schema does not have and no alias explains: suggestions, or how to get a fuller schema. */
export function unknownOption(
  origin: SourceOrigin,
  path: ValuePath,
  suggestions: readonly ValuePath[],
  schema: SchemaInfo,
): Diagnostic {
  const known = `typeflake knows ${schema.optionCount} options (from ${schema.sources.join(", ")})`;
  const message =
    suggestions.length > 0
      ? `The option ${quote(path)} does not exist. Did you mean ${alternatives(suggestions.map(quote))}?`
      : `The option ${quote(path)} does not exist. ${known}; if your nixpkgs has this option, import its ` +
        "options.json with `typeflake options import <options.json>`.";
  return error(OPTION_CODES.unknown, origin, message);
}

const alternatives = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** An option that was renamed, changed, merged, aliased (a warning) or removed, naming what to write now. */
export function oldOption(origin: SourceOrigin, finding: AliasFinding): Diagnostic {
  const from = quote(finding.from);
  const to = finding.to && quote(finding.to);
  switch (finding.alias.kind) {
    case "alias":
      return {
        severity: "warning",
        code: OPTION_CODES.alias,
        origin,
        message: `The option ${from} is an alias of ${to}; write ${to} instead.`,
      };
    case "renamed":
      return error(OPTION_CODES.renamed, origin, renamed(from, to, finding.removedAs, "has been renamed to"));
    case "merged":
      return error(OPTION_CODES.renamed, origin, renamed(from, to, finding.removedAs, "has been merged into"));
    case "changed":
      return error(
        OPTION_CODES.renamed,
        origin,
        `${renamed(from, to, finding.removedAs, "has been replaced by")}${to ? " Its value has a different form there." : ""}`,
      );
    case "removed":
      return error(OPTION_CODES.removed, origin, removed(from, finding));
  }
}

function renamed(from: string, to: string | null, removedAs: ValuePath | undefined, verb: string): string {
  if (to) return `The option ${from} ${verb} ${to}. Write ${to} instead.`;
  if (removedAs) return `The option ${from} ${verb} ${quote(removedAs)}, which has since been removed.`;
  return `The option ${from} no longer exists.`;
}

function removed(from: string, finding: AliasFinding): string {
  if (finding.alias.message) return `The option ${from} has been removed: ${finding.alias.message}`;
  if (finding.settings) {
    return (
      `The option ${from} has been removed; use ${quote(finding.settings)} instead ` +
      "(NixOS replaced free-form configuration text with structured settings)."
    );
  }
  return `The option ${from} has been removed, and no option replaces it.`;
}

/** A set of options (a namespace or a submodule) given something else. */
export function notASet(origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic {
  const subject = path.length ? `${quote(path)} is a set of options, so its definition` : "A nixos block";
  return error(OPTION_CODES.type, origin, `${subject} must be an attribute set: got ${describeValue(value)}.`);
}

/** A definition of an option NixOS computes. */
export const readOnlyOption = (origin: SourceOrigin, path: ValuePath): Diagnostic =>
  error(
    OPTION_CODES.readOnly,
    origin,
    `The option ${quote(path)} is read-only: NixOS computes its value, so a definition here would conflict. Remove it.`,
  );

/**
 * "A definition for option `x' is not of type `boolean'." with what was given, and a hint when
 * the fix is known (`pkg("htop")` for a package given as a string).
 */
export function typeMismatch(
  origin: SourceOrigin,
  path: ValuePath,
  typeText: string,
  value: unknown,
  hint?: string,
): Diagnostic {
  const message = `A definition for option ${quote(path)} is not of type \`${typeText}': got ${describeValue(value)}.`;
  return error(OPTION_CODES.type, origin, hint ? `${message} ${hint}` : message);
}

/** A value outside an enum, with the closest allowed strings. */
export function notInEnum(
  origin: SourceOrigin,
  path: ValuePath,
  type: EnumType,
  value: unknown,
  closest: readonly string[],
): Diagnostic {
  const allowed = type.values.map((item) => JSON.stringify(item)).join(", ");
  const guess = closest.length ? ` Did you mean ${alternatives(closest.map((item) => JSON.stringify(item)))}?` : "";
  return error(
    OPTION_CODES.enum,
    origin,
    `A definition for option ${quote(path)} is not one of ${allowed}: got ${describeValue(value)}.${guess}`,
  );
}

/** A number outside an integer or float range. */
export function outOfRange(
  origin: SourceOrigin,
  path: ValuePath,
  type: IntType | FloatType,
  value: number,
): Diagnostic {
  const range =
    type.min !== undefined && type.max !== undefined
      ? `between ${type.min} and ${type.max} (both inclusive)`
      : type.min !== undefined
        ? `at least ${type.min}`
        : `at most ${type.max}`;
  return error(
    OPTION_CODES.range,
    origin,
    `A definition for option ${quote(path)} is out of range: ${value} is not ${range}.`,
  );
}

/** A value that breaks a refinement (`non-empty`, `single-line`, at least one list item). */
export const checkFailed = (origin: SourceOrigin, path: ValuePath, rule: string, value: unknown): Diagnostic =>
  error(OPTION_CODES.check, origin, `A definition for option ${quote(path)} ${rule}: got ${describeValue(value)}.`);

/** A string that does not match a `strMatching` pattern. */
export const patternMismatch = (origin: SourceOrigin, path: ValuePath, pattern: string, value: unknown): Diagnostic =>
  error(
    OPTION_CODES.check,
    origin,
    `A definition for option ${quote(path)} does not match the pattern \`${showPattern(pattern)}': got ${describeValue(value)}.`,
  );

/** An `mk*` wrapper used as a list item, which the module system does not allow. */
export const wrapperInList = (origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic =>
  error(
    OPTION_CODES.wrapper,
    origin,
    `A definition for option ${quote(path)} has ${describeValue(value)} as a list item; mk* wrappers apply to a ` +
      "whole definition: wrap the list instead.",
  );
