/**
 * How values are spelled in a fleet's generated modules: packages from `pkgs`, secrets from the
 * fleet's backend, host references resolved to the addresses the fleet gives them.
 */
import type { Fleet } from "../model/fleet.ts";
import type { ValueScope } from "../lower/value.ts";

/** The value scope for module files (hosts and shared modules) or the overlay file. */
export const fleetScope = (fleet: Fleet, packages: ValueScope["packages"] = "pkgs"): ValueScope => {
  const addresses = new Map(fleet.hosts.map((host) => [host.name, host.config.address]));
  return {
    packages,
    secretsBackend: fleet.config.secrets?.backend ?? "sops",
    // Validation has already reported references to hosts that do not exist.
    hostAddress: (name) => addresses.get(name) ?? name,
  };
};
