/**
 * The value types of the generated NixOS option types (the shipped `nixos-options/types.ts` and a
 * fleet's `.typeflake/options/nixos-options.d.ts`): what an option accepts besides plain data.
 * They are part of the public API, so a fleet's generated declarations import them from
 * `"typeflake"`.
 */
import type { NixExpression, TypedNix } from "./expressions.ts";

/**
 * A definition of an option: its value, raw Nix (`nix`…``), or an `mk*` wrapper (`mkForce`,
 * `mkDefault`, `mkOverride`, `mkIf`, `mkMerge`, `mkBefore`, `mkAfter`) around a value of the
 * option's type.
 */
export type Definition<T> = T | TypedNix<T>;

/** A list item: its value or raw Nix. `mk*` wrappers apply to a whole definition, not to one item. */
export type Item<T> = T | TypedNix<never>;

/**
 * A string option's value: text, a string with interpolated packages (`nixString`…``), a secret's
 * runtime path (`secret("name").path`) or another host's address (`host("nas")`).
 */
export type StringValue = string | Extract<NixExpression, { readonly kind: "string" | "secretPath" | "host" }>;

/**
 * A path option's value: an absolute path, a file beside the generated Nix (`nixPath("./file")`),
 * a path built with `nixString` (`${pkg("x")}/bin/x`) or a secret's runtime path.
 */
export type PathValue = string | Extract<NixExpression, { readonly kind: "string" | "path" | "secretPath" }>;

/** A package option's value: `pkg("htop")`, `unstablePkg("…")`. */
export type PackageValue = Extract<NixExpression, { readonly kind: "package" }>;

/** Anything that can stand where NixOS expects a value (re-exported for the generated types). */
export type { NixValue } from "./expressions.ts";
