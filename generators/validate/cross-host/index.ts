/**
 * Consistency between hosts, checked on the validated fleet before anything is generated: each
 * problem is located at the value to change, with the other host's value as related.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { LoweredFleet } from "../../lower/fleet.ts";
import type { FleetOptions } from "../assertions/host-options.ts";
import { checkNfsMounts } from "./nfs-mounts.ts";
import { checkSecretAccess } from "./secret-access.ts";
import { checkTunnels } from "./tunnels.ts";
import { checkUniqueValues } from "./unique-values.ts";
import { checkUpstreams } from "./upstreams.ts";

/**
 * Every cross-host inconsistency: WireGuard tunnel addresses and peers, upstreams on closed
 * ports, NFS mounts the server would refuse, secrets a host cannot decrypt, values two hosts
 * must not share (ZFS host ids, WireGuard and secrets keys, host names), those read from the
 * hosts' merged `options`.
 */
export const checkCrossHost = (lowered: LoweredFleet, options: FleetOptions): Diagnostic[] => [
  ...checkTunnels(lowered.index),
  ...checkUpstreams(lowered),
  ...checkNfsMounts(lowered.index),
  ...checkSecretAccess(lowered.index),
  ...checkUniqueValues(lowered.index, options),
];
