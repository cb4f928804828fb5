/** Fields of the diagnostics of the NixOS option checks (`generators/options/`). */
import type { ValueText } from "./schema.ts";

/** An option path with the user's attribute names and list positions. */
export type OptionPath = readonly (string | number)[];

/** A fix a wrongly typed definition has, when it is a well-known one. */
export type TypeHint =
  /** `secret("x")` where a path string is wanted: `secret("x").path`. */
  | { readonly kind: "secret-path"; readonly secret: string }
  /** A value only Nix can write (a function, an opaque type). */
  | { readonly kind: "raw-nix" }
  /** A package written as a string. */
  | { readonly kind: "package"; readonly name: string }
  /** A relative path written as a string. */
  | { readonly kind: "relative-path"; readonly path: string }
  /** A boolean or number written in quotes. */
  | { readonly kind: "unquote"; readonly text: string }
  /** A whole number where only a float fits: Nix reads it as an integer; `text` is the float literal. */
  | { readonly kind: "whole-float"; readonly text: string };

/**
 * Why NixOS refuses the definitions of one option that two files of a host make:
 * `different-values` (a type merged by equality, such as `string`), `unique` (a type that takes
 * one definition only, such as `package`), `null-and-not-null` (`null or X`), `different-types`
 * (`anything` given, say, a string and a number).
 */
export type ConflictReason = "different-values" | "unique" | "null-and-not-null" | "different-types";

/** Code → fields. */
export interface OptionFields {
  /** An option path the schema does not have and no alias explains. */
  readonly "unknown-option": {
    readonly path: OptionPath;
    /** The closest existing options, best first (at most 3). */
    readonly suggestions: readonly OptionPath[];
    /** How many options the schema knows, and where they came from. */
    readonly optionCount: number;
    readonly sources: readonly string[];
  };
  /** An alias of another option (a warning). */
  readonly "aliased-option": { readonly from: OptionPath; readonly to: OptionPath | null };
  /** An option NixOS renamed, merged into another or replaced. */
  readonly "renamed-option": {
    readonly from: OptionPath;
    readonly how: "renamed" | "merged" | "changed";
    /** What to write now; null when the chain of renames ends in a removal. */
    readonly to: OptionPath | null;
    /** The last name of an option renamed and then removed. */
    readonly removedAs?: OptionPath;
  };
  /** An option NixOS removed. */
  readonly "removed-option": {
    readonly from: OptionPath;
    /** nixpkgs' own advice, when it recorded some. */
    readonly advice?: string;
    /** The freeform `settings` option that replaced a free-text one. */
    readonly settings?: OptionPath;
  };
  /** A definition of the wrong type; `type` is null for a set of options given something else. */
  readonly "option-type-mismatch": {
    readonly path: OptionPath;
    /** The option's type as nixpkgs describes it, e.g. `boolean`; null for a set of options. */
    readonly type: string | null;
    readonly got: ValueText;
    readonly hint?: TypeHint;
  };
  /** A definition of an option NixOS computes. */
  readonly "read-only-option": { readonly path: OptionPath };
  /** A value outside an enum. */
  readonly "option-not-in-enum": {
    readonly path: OptionPath;
    /** The allowed values, as Nix would show them. */
    readonly values: readonly ValueText[];
    readonly got: ValueText;
    /** The closest allowed strings, best first. */
    readonly suggestions: readonly string[];
  };
  /** A number outside an integer or float range. */
  readonly "option-out-of-range": {
    readonly path: OptionPath;
    readonly value: number;
    readonly min?: number;
    readonly max?: number;
  };
  /** A value that breaks an option's check: a named rule, or a `strMatching` pattern. */
  readonly "option-check-failed": {
    readonly path: OptionPath;
    readonly got: ValueText;
  } & ({ readonly rule: string } | { readonly pattern: string });
  /** Definitions of one option in different files of a host that NixOS cannot merge. */
  readonly "conflicting-option-definitions": {
    readonly path: OptionPath;
    /** The option's type as nixpkgs describes it. */
    readonly type: string;
    readonly reason: ConflictReason;
    /** The winning definitions' values, in definition order. */
    readonly values: readonly ValueText[];
  };
  /** An `mk*` wrapper used as a list item. */
  readonly "option-wrapper-misplaced": { readonly path: OptionPath; readonly got: ValueText };
  /** The fleet's option index cannot be read. */
  readonly "damaged-option-index": {
    /** What is wrong with it, as the reader found it (a JSON parser's error, a schema path). */
    readonly problem: string;
  };
}
