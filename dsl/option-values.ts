/**
 * The value types of the generated NixOS option types (the shipped `nixos-options/types.ts` and a
 * fleet's `.typeflake/options/nixos-options.d.ts`): what an option accepts besides plain data.
 * They are part of the public API, so a fleet's generated declarations import them from
 * `"typeflake"`. typeflake's expressions appear here only as `TypedNix` (opaque to completion),
 * never as their run-time shape, so completions in a `nixos` set list option names only.
 */
import type { NixPackage, NixPathLiteral, TypedNix } from "./expressions.ts";

/**
 * A definition of an option: its value, raw Nix (`nix`…``), or an `mk*` wrapper (`mkForce`,
 * `mkDefault`, `mkOverride`, `mkIf`, `mkMerge`, `mkBefore`, `mkAfter`) around a value of the
 * option's type.
 */
export type Definition<T> = T | TypedNix<T>;

/**
 * A list item: its value, raw Nix, or an `mk*` wrapper around a value of the item's type. NixOS
 * merges each item of a list as a definition of its own, so `[ mkIf(cond, x) ]` holds `x` only
 * when `cond` is true, and `mkMerge([a, b])` as one item must merge as the item's type merges.
 */
export type Item<T> = Definition<T>;

/**
 * A string option's value: text, a string with interpolated packages (`nixString`…``), a secret's
 * runtime path (`secret("name").path`) or another host's address (`host("nas")`), which all
 * evaluate to strings.
 */
export type StringValue = string;

/**
 * A path option's value: an absolute path, a file beside the generated Nix (`nixPath("./file")`),
 * a path built with `nixString` (`${pkg("x")}/bin/x`) or a secret's runtime path.
 */
export type PathValue = string | NixPathLiteral;

/** A package option's value: `pkg("htop")`, `unstablePkg("…")`. */
export type PackageValue = NixPackage;

/** An option of any type (nixpkgs' `anything`, `unspecified`): any Nix value, written as data or as an expression. */
export type AnyValue =
  | string
  | number
  | boolean
  | null
  | TypedNix<unknown>
  | readonly AnyValue[]
  | { readonly [name: string]: AnyValue };
