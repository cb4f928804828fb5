/**
 * Consistency between hosts, checked on the validated fleet before anything is generated: each
 * problem is located at the value to change, with the other host's value as related.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { LoweredFleet } from "../../lower/fleet.ts";
import { SERVICE_DEFINITIONS } from "../../../services/registry.ts";
import type { FleetOptions } from "../assertions/host-options.ts";
import { checkSecretAccess } from "./secret-access.ts";
import { checkUniqueValues } from "./unique-values.ts";
import { checkUpstreams } from "./upstreams.ts";

/**
 * Every cross-host inconsistency: each service's own (NFS mounts the server would refuse,
 * WireGuard tunnel addresses and peers, see a service's `checks`), upstreams on closed ports,
 * secrets a host cannot decrypt, values two hosts must not share (ZFS host ids, WireGuard and
 * secrets keys, host names), those read from the hosts' merged `options`.
 */
export const checkCrossHost = (lowered: LoweredFleet, options: FleetOptions): Diagnostic[] => [
  ...SERVICE_DEFINITIONS.flatMap((service) => (service.checks ?? []).flatMap((check) => check(lowered.index))),
  ...checkUpstreams(lowered),
  ...checkSecretAccess(lowered.index),
  ...checkUniqueValues(lowered.index, options),
];
