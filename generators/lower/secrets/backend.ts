/**
 * What a secrets backend (sops-nix, agenix) provides: the lowering of the secrets one host uses.
 * Its own file so that `index.ts`, which picks a backend, and each backend can both name it
 * without importing one another.
 */
import type { Contribution, LowerContext } from "../contribution.ts";
import type { Fleet } from "../../model/fleet.ts";

/** Where the generated file sits relative to the fleet root. */
export interface SecretsContext extends LowerContext {
  /** Path from the generated file's folder to the fleet root, e.g. `"../../"` for `hosts/<h>/default.nix`. */
  readonly fleetRootFromFile: string;
}

/** A backend's lowering of the secrets one host uses. */
export type SecretsLowering = (fleet: Fleet, secretNames: readonly string[], context: SecretsContext) => Contribution;
