/**
 * How values are spelled in a fleet's generated modules: packages from `pkgs`, secrets from the
 * fleet's backend, host references resolved to the addresses the fleet gives them.
 */
import { hostAddress, type FleetIndex } from "../model/fleet-index.ts";
import type { ValueScope } from "../lower/value.ts";

/** The value scope for module files (hosts and shared modules) or the overlay file. */
export const fleetScope = (index: FleetIndex, packages: ValueScope["packages"] = "pkgs"): ValueScope => ({
  packages,
  secretsBackend: index.fleet.config.secrets?.backend ?? "sops",
  hostAddress: (name) => hostAddress(index, name),
});
