/**
 * Fields of the diagnostics of references across files (`generators/validate/check-references.ts`,
 * `check-inputs.ts`, `check-unstable.ts`, `check-homes.ts`): names of hosts, modules, secrets and
 * flake inputs that do not exist, and what homes and the second nixpkgs need.
 */

/** The known names of a kind and the closest one to a misspelling, for "did you mean". */
interface Known {
  /** Every name of this kind the fleet has. */
  readonly known: readonly string[];
  /** The closest one, when it is a plausible typo. */
  readonly suggestion?: string;
}

/** A use of the second nixpkgs: `unstablePkg("htop")`, or raw Nix that names `unstable`. */
export type UnstableUse = { readonly package: string } | { readonly rawNix: string };

/** Why the fleet needs a flake input. */
export type InputReason =
  | { readonly kind: "nixpkgs" }
  | { readonly kind: "deploy-tool"; readonly tool: string }
  | { readonly kind: "secrets-backend"; readonly backend: string }
  /** `file` defines a home, so the fleet needs home-manager. */
  | { readonly kind: "home"; readonly file: string };

/** Code → fields. */
export interface ReferenceFields {
  /** A host named where none exists: by `host("…")`, a host key, a per-host home, or a service's own reference. */
  readonly "unknown-host": Known & {
    readonly host: string;
    readonly by: { readonly kind: "expression" | "host-key" | "service" } | { readonly kind: "home"; readonly home: string };
  };
  readonly "unknown-module": Known & { readonly module: string };
  /** A secret listed in `secrets` or used with `secret(…)` that the fleet does not declare. */
  readonly "unknown-secret": { readonly secret: string; readonly use: "listed" | "used"; readonly suggestion?: string };
  /** A secret in a fleet without a `secrets` section. */
  readonly "secrets-not-configured": { readonly secret: string; readonly use: "listed" | "used" };
  /** A flake input the fleet's choices need. */
  readonly "missing-input": {
    readonly input: string;
    readonly url: string;
    readonly reason: InputReason;
    readonly suggestion?: string;
  };
  /** A flake input named by `unstable.input` or by a `follows` that the fleet does not declare. */
  readonly "unknown-input": Known & {
    readonly input: string;
    /** Where it is named: `unstable.input`, or the `follows` of an input. */
    readonly by: { readonly kind: "unstable" } | { readonly kind: "follows" };
  };
  /** The second nixpkgs used in a fleet without one: by a reference, in an overlay, or in a module. */
  readonly "unstable-not-configured": { readonly in: "reference" | "overlay" | "module"; readonly use: UnstableUse };
}
