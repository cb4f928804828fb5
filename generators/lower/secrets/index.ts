/**
 * The secrets a host uses → the backend's NixOS options (sops-nix or agenix). Which secrets a host
 * uses is computed by the caller (every `secret(…)` in its files, plus their `secrets` lists).
 */
import type { Contribution, LowerContext } from "../contribution.ts";
import type { Fleet } from "../../model/fleet.ts";
import { lowerAgenix } from "./agenix.ts";
import { secretsSettings } from "./settings.ts";
import { lowerSops } from "./sops.ts";

/** Where the generated file sits relative to the fleet root. */
export interface SecretsContext extends LowerContext {
  /** Path from the generated file's folder to the fleet root, e.g. `"../../"` for `hosts/<h>/default.nix`. */
  readonly fleetRootFromFile: string;
}

/** A backend's lowering of the secrets one host uses. */
export type SecretsLowering = (fleet: Fleet, secretNames: readonly string[], context: SecretsContext) => Contribution;

/**
 * Definitions for the secrets a host uses, for the fleet's backend. Secrets not declared in the
 * fleet's `secrets` keep the backend's defaults and are located at `context.origin`.
 */
export const lowerSecrets: SecretsLowering = (fleet, secretNames, context) =>
  secretsSettings(fleet).backend === "agenix" ? lowerAgenix(fleet, secretNames, context) : lowerSops(fleet, secretNames, context);
