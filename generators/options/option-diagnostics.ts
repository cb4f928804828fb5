/**
 * The diagnostics the option checks produce, as data: what is wrong with a definition, never how
 * to say it (`diagnostics/messages/options.ts` words them, as nixpkgs' `lib/modules.nix` would).
 */
import type { TypeHint } from "../diagnostics/codes/options.ts";
import { describeValue } from "../diagnostics/describe-value.ts";
import { error, warning, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { AliasFinding } from "./aliases.ts";
import type { ValuePath } from "./option-path.ts";
import type { EnumType, FloatType, IntType } from "./option-type.ts";

/** What the index was built from, for "if NixOS has it" advice. */
export interface SchemaInfo {
  readonly sources: readonly string[];
  readonly optionCount: number;
}

/**
 * An option path the schema does not have and no alias explains: suggestions, or how to get a
 * fuller schema; `dotted` when the one suggestion is the last key's dotted parts as nested keys.
 */
export const unknownOption = (
  origin: SourceOrigin,
  path: ValuePath,
  suggestions: readonly ValuePath[],
  schema: SchemaInfo,
  dotted = false,
): Diagnostic =>
  error("unknown-option", origin, { path, suggestions, optionCount: schema.optionCount, sources: schema.sources, ...(dotted && { dotted }) });

/** An option that was renamed, changed, merged, aliased (a warning) or removed, naming what to write now. */
export function oldOption(origin: SourceOrigin, finding: AliasFinding): Diagnostic {
  const { from, to, removedAs, settings } = finding;
  switch (finding.alias.kind) {
    case "alias":
      return warning("aliased-option", origin, { from, to });
    case "renamed":
    case "merged":
    case "changed":
      return error("renamed-option", origin, { from, how: finding.alias.kind, to, ...(removedAs ? { removedAs } : {}) });
    case "removed":
      return error("removed-option", origin, {
        from,
        ...(finding.alias.message ? { advice: finding.alias.message } : settings ? { settings } : {}),
      });
  }
}

/** A set of options (a namespace or a submodule) given something else. */
export const notASet = (origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic =>
  error("option-type-mismatch", origin, { path, type: null, got: describeValue(value) });

/** A definition of an option NixOS computes. */
export const readOnlyOption = (origin: SourceOrigin, path: ValuePath): Diagnostic => error("read-only-option", origin, { path });

/** A definition of the wrong type, with the fix when it is a well-known one. */
export const typeMismatch = (origin: SourceOrigin, path: ValuePath, type: string, value: unknown, hint?: TypeHint): Diagnostic =>
  error("option-type-mismatch", origin, { path, type, got: describeValue(value), ...(hint ? { hint } : {}) });

/** A value outside an enum, with the closest allowed strings. */
export const notInEnum = (origin: SourceOrigin, path: ValuePath, type: EnumType, value: unknown, suggestions: readonly string[]): Diagnostic =>
  error("option-not-in-enum", origin, {
    path,
    values: type.values.map((item) => JSON.stringify(item)),
    got: describeValue(value),
    suggestions,
  });

/** A number outside an integer or float range. */
export const outOfRange = (origin: SourceOrigin, path: ValuePath, type: IntType | FloatType, value: number): Diagnostic =>
  error("option-out-of-range", origin, {
    path,
    value,
    ...(type.min !== undefined ? { min: type.min } : {}),
    ...(type.max !== undefined ? { max: type.max } : {}),
  });

/** A value that breaks a refinement (`non-empty`, `single-line`, at least one list item). */
export const checkFailed = (origin: SourceOrigin, path: ValuePath, rule: string, value: unknown): Diagnostic =>
  error("option-check-failed", origin, { path, rule, got: describeValue(value) });

/** A string that does not match a `strMatching` pattern. */
export const patternMismatch = (origin: SourceOrigin, path: ValuePath, pattern: string, value: unknown): Diagnostic =>
  error("option-check-failed", origin, { path, pattern, got: describeValue(value) });

/** `mkBefore`/`mkAfter` around a set of options, which NixOS does not push down to the options inside. */
export const orderOnOptions = (origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic =>
  error("option-wrapper-misplaced", origin, { path, reason: "order-on-options", got: describeValue(value) });

/** `mkBefore`/`mkAfter` around a submodule value, whose merge refuses the priority NixOS leaves on it. */
export const orderOnSubmodule = (origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic =>
  error("option-wrapper-misplaced", origin, { path, reason: "order-on-submodule", got: describeValue(value) });

/** A wrapped item of a `systemd option` list, whose merge joins lists without taking item wrappers off. */
export const wrapperInSystemdList = (origin: SourceOrigin, path: ValuePath, value: unknown): Diagnostic =>
  error("option-wrapper-misplaced", origin, { path, reason: "systemd-item", got: describeValue(value) });

/** A wrapper inside an mkOverride or mkOrder, which NixOS leaves on: the option's type sees an attribute set. */
export const wrapperLeftOn = (origin: SourceOrigin, path: ValuePath, value: unknown, inside: unknown): Diagnostic =>
  error("option-wrapper-misplaced", origin, { path, reason: "left-on", got: describeValue(value), inside: describeValue(inside) });
