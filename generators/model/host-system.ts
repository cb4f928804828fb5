/**
 * The platform a host is built for: its own `system`, else the fleet's.
 */
import type { Fleet, HostEntry } from "./fleet.ts";

export const hostSystem = (fleet: Fleet, host: HostEntry): string => host.config.system ?? fleet.config.system;

/** True when the host builds for the fleet's system (the flake's `system` binding applies to it). */
export const usesFleetSystem = (fleet: Fleet, host: HostEntry): boolean => hostSystem(fleet, host) === fleet.config.system;
