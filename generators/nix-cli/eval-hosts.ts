/**
 * Evaluate every host of the fleet (for `generate --eval`): `nix eval` of each host's whole
 * system, several at a time, with a status line each and a summary.
 */
import type { FleetRunOptions } from "./fleet-run.ts";
import { runFleet } from "./fleet-run.ts";
import type { InputOverride } from "./nix.ts";
import { nixEval } from "./nix.ts";
import type { HostOutcome } from "./summary.ts";
import type { FleetTargets } from "./target.ts";

/** Evaluate each host's system derivation; pass the outcomes to `requireSuccess` to fail on any error. */
export const evaluateHosts = (
  fleet: FleetTargets,
  options: FleetRunOptions,
  overrides: readonly InputOverride[] = [],
): Promise<HostOutcome[]> => runFleet(fleet.hosts.map((host) => ({ host: host.name, line: nixEval(host.name, [], overrides) })), options);
