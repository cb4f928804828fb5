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

/**
 * The hosts of a module's definition that loses to one of higher priority on some hosts that
 * list the module but applies on others, where NixOS checks its value.
 */
export interface DefinitionHosts {
  /** The hosts where a definition of higher priority replaces it. */
  readonly losesOn: readonly string[];
  /** The hosts where it applies. */
  readonly appliesOn: readonly string[];
}

/**
 * Why NixOS refuses an mk* wrapper where it stands: `mkBefore`/`mkAfter` around a set of options,
 * which NixOS does not push down to the options inside (`order-on-options`), or around a
 * submodule value, whose merge refuses the priority the order leaves on the definition
 * (`order-on-submodule`), or a wrapper inside an mkOverride or mkOrder, which NixOS takes off
 * only outside in, so the option's type sees an attribute set (`left-on`), or an item of a list
 * of a `systemd option`, whose merge joins lists without taking their items' wrappers off
 * (`systemd-item`).
 */
export type MisplacedWrapper = "order-on-options" | "order-on-submodule" | "left-on" | "systemd-item";

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
    /** The one suggestion is the last key's parts (`"firewall.enable"`, quoted with its dots) as nested keys. Default: false. */
    readonly dotted?: boolean;
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
    readonly hosts?: DefinitionHosts;
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
    readonly hosts?: DefinitionHosts;
  };
  /** A number outside an integer or float range. */
  readonly "option-out-of-range": {
    readonly path: OptionPath;
    readonly value: number;
    readonly min?: number;
    readonly max?: number;
    readonly hosts?: DefinitionHosts;
  };
  /** A value that breaks an option's check: a named rule, or a `strMatching` pattern. */
  readonly "option-check-failed": {
    readonly path: OptionPath;
    readonly got: ValueText;
    readonly hosts?: DefinitionHosts;
  } & ({ readonly rule: string } | { readonly pattern: string });
  /** Definitions of one option in different files of a host that NixOS cannot merge. */
  readonly "conflicting-option-definitions": {
    readonly path: OptionPath;
    /** The option's type as nixpkgs describes it. */
    readonly type: string;
    readonly reason: ConflictReason;
    /** The winning definitions' values, in definition order. */
    readonly values: readonly ValueText[];
    /** Set when the definitions are those of one list item (`[ (mkMerge [ 1 2 ]) ]`), not of several files. */
    readonly item?: true;
  };
  /** An `mk*` wrapper NixOS refuses where it stands. */
  readonly "option-wrapper-misplaced": {
    readonly path: OptionPath;
    readonly reason: MisplacedWrapper;
    /** The wrapper kept. */
    readonly got: ValueText;
    /** For `left-on`: the mkOverride or mkOrder it stands inside. */
    readonly inside?: ValueText;
  };
  /** The fleet's option index cannot be read. */
  readonly "damaged-option-index": {
    /** What is wrong with it, as the reader found it (a JSON parser's error, a schema path). */
    readonly problem: string;
  };
}
