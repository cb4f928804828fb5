/**
 * Port conflicts on every host of a lowered fleet: the ports claimed by the services of the
 * host's own file and of every module it uses, read from the lowering that writes its Nix.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hostPorts, type LoweredFleet } from "../lower/fleet.ts";
import { checkPortClaims } from "./check-ports.ts";

/** Every port claimed by two services of one host, reported at the second claim. */
export const checkHostPorts = (lowered: LoweredFleet): Diagnostic[] =>
  [...lowered.hosts.values()].flatMap((host) => checkPortClaims(host.host.name, hostPorts(host)));
