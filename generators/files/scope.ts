/**
 * How values are spelled in a fleet's generated modules: packages from `pkgs`, secrets from the
 * fleet's backend, host references resolved to the addresses the fleet gives them.
 */
import type { Fleet } from "../model/fleet.ts";
import type { ValueScope } from "../lower/value.ts";

const addressesOf = new WeakMap<Fleet, ReadonlyMap<string, string>>();

/** Host name → address, built once per fleet (every generated file asks). */
const hostAddresses = (fleet: Fleet): ReadonlyMap<string, string> => {
  const known = addressesOf.get(fleet);
  if (known) return known;
  const addresses = new Map(fleet.hosts.map((host) => [host.name, host.config.address]));
  addressesOf.set(fleet, addresses);
  return addresses;
};

/** The value scope for module files (hosts and shared modules) or the overlay file. */
export const fleetScope = (fleet: Fleet, packages: ValueScope["packages"] = "pkgs"): ValueScope => {
  const addresses = hostAddresses(fleet);
  return {
    packages,
    secretsBackend: fleet.config.secrets?.backend ?? "sops",
    // Validation has already reported references to hosts that do not exist.
    hostAddress: (name) => addresses.get(name) ?? name,
  };
};
