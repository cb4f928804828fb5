/**
 * Evaluate every host of the fleet (for `generate --eval`): `nix eval` of each host's whole
 * system, several at a time, with a status line each and a summary.
 */
import type { CommandIo } from "../command/command-context.ts";
import { DEFAULT_JOBS, runFleet } from "./fleet-run.ts";
import { trapInterrupts } from "./interrupt.ts";
import type { InputOverride } from "./nix.ts";
import { nixEval } from "./nix.ts";
import type { HostOutcome } from "./summary.ts";
import type { FleetTargets } from "./target.ts";

/** How to evaluate. */
export interface EvaluateHostsOptions {
  readonly jobs?: number;
  readonly overrides?: readonly InputOverride[];
  readonly dryRun?: boolean;
  /** Where the command lines and the tools' output go; the environment nix runs with. */
  readonly io: CommandIo;
}

/**
 * Evaluate each host's system derivation and return each host's outcome (`status` is `"ok"` for
 * those that evaluate); `requireSuccess(outcomes, "eval")` turns failures into an error.
 */
export async function evaluateHosts(fleet: FleetTargets, options: EvaluateHostsOptions): Promise<HostOutcome[]> {
  const trap = trapInterrupts();
  try {
    const jobs = fleet.hosts.map((host) => ({
      host: host.name,
      line: nixEval(host.name, [], options.overrides ?? []),
    }));
    return await runFleet(jobs, {
      cwd: fleet.flakeDir,
      io: options.io,
      dryRun: options.dryRun === true,
      signal: trap.signal,
      jobs: options.jobs ?? DEFAULT_JOBS,
      failFast: false,
    });
  } finally {
    trap.release();
  }
}
