/**
 * Fields of the diagnostics found while lowering the fleet to NixOS options and files
 * (`generators/lower/`, `generators/files/`, `generators/generate.ts`).
 */

/** Code → fields. */
export interface LowerFields {
  /** A system user without a primary group. */
  readonly "missing-group": { readonly user: string };
  /** The deploy user without SSH keys (a warning). */
  readonly "deploy-without-keys": { readonly user: string };
  /** A WireGuard interface that joins its own host. */
  readonly "wireguard-join-self": { readonly host: string };
  /** `join` naming an interface `host` does not declare; `interfaces` are those it does. */
  readonly "unknown-wireguard-interface": { readonly host: string; readonly interface: string; readonly interfaces: readonly string[]; readonly suggestion?: string };
  /** An interface others need a public key of: as a spoke of `hub`'s `interface`, as the hub of `spokes`, or as a member of `mesh`. */
  readonly "missing-public-key":
    | { readonly role: "spoke"; readonly hub: string; readonly interface: string }
    | { readonly role: "hub"; readonly spokes: readonly string[] }
    | { readonly role: "mesh"; readonly mesh: string };
  /** A hub interface without `listenPort`, joined by `spokes`. */
  readonly "missing-listen-port": { readonly spokes: readonly string[] };
  /** `join` or `mesh` (`field`) in a shared module, which has no tunnel address of its own. */
  readonly "wireguard-needs-host": { readonly field: "join" | "mesh" };
  /** `enableACME` without an ACME account in the nginx block. */
  readonly "missing-acme-account": Readonly<Record<never, never>>;
  /** owner or group other than root on a user's password secret, which sops-nix installs as root:root (a warning). */
  readonly "password-secret-owner": { readonly field: "owner" | "group"; readonly value: string };
  /** restartUnits with agenix, which ignores it (a warning). */
  readonly "unsupported-restart-units": Readonly<Record<never, never>>;
  /**
   * Two different values for one NixOS option; `earlier` is the first as JSON. `list`: which of
   * the two is a list when only one is (`this` or `earlier`): a list option's definitions are
   * joined, so the other is a value of the wrong type rather than a second value.
   */
  readonly "conflicting-definitions": { readonly earlier: string; readonly list?: "this" | "earlier" };
  /** A package two overlays define; `firstFile` is the overlay that defines it first. */
  readonly "duplicate-overlay-package": { readonly package: string; readonly firstFile: string };
  /** A value the Nix printer cannot write, which validation let through; `reason` is the printer's. */
  readonly "unprintable-value": { readonly reason: string };
}
