/**
 * One command per host, several hosts at a time: a status line per host, a summary table at the
 * end. A failed host does not stop the others unless `failFast`; then hosts not yet started are
 * skipped, while those already running finish, because stopping a deploy halfway through
 * activation is worse than letting it end.
 */
import { mapConcurrently } from "../concurrency.ts";
import type { CommandLine } from "./command-line.ts";
import type { CommandIo } from "../command/command-context.ts";
import { CommandFailedError, InterruptedError } from "../command/command-error.ts";
import { ensureTools, noteLine, runCommand } from "./run.ts";
import { canShowLiveStatus, StatusBoard } from "./status-board.ts";
import type { HostOutcome } from "./summary.ts";
import { formatSummary } from "./summary.ts";

/**
 * Hosts run at once unless told otherwise: enough to overlap the waits on the network, few enough
 * that as many NixOS evaluations (a gigabyte or more each) fit in memory.
 */
export const DEFAULT_JOBS = 4;

/** The command one host runs. */
export interface HostJob {
  readonly host: string;
  readonly line: CommandLine;
}

/** How to run the jobs. */
export interface FleetRunOptions {
  /** The directory every command runs in: the flake's. */
  readonly cwd: string;
  readonly io: CommandIo;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  /** How many hosts run at once. */
  readonly jobs: number;
  /** Start no further host once one has failed. */
  readonly failFast: boolean;
}

/**
 * Run every job and return each host's outcome, in the jobs' order. One host streams its tool's
 * output unchanged (keeping the tool's own terminal progress); several get prefixed lines.
 */
export async function runFleet(jobs: readonly HostJob[], options: FleetRunOptions): Promise<HostOutcome[]> {
  const { io, signal } = options;
  if (options.dryRun) {
    for (const job of jobs) await runCommand(job.line, options);
    return jobs.map((job) => ({ host: job.host, status: "ok" }));
  }
  ensureTools(
    jobs.map((job) => job.line),
    io.env,
  );

  const several = jobs.length > 1;
  const board = new StatusBoard(
    io,
    jobs.map((job) => job.host),
    several && canShowLiveStatus(io),
  );
  let stopped = false;

  const runOne = async (job: HostJob): Promise<HostOutcome> => {
    const startedAt = Date.now();
    board.started(job.host);
    const lines = several ? board.sinks(job.host) : undefined;
    const elapsed = (): number => Date.now() - startedAt;
    try {
      const { exitCode } = await runCommand(job.line, { ...options, lines });
      return exitCode === 0
        ? { host: job.host, status: "ok", exitCode, elapsedMs: elapsed() }
        : { host: job.host, status: "failed", exitCode, elapsedMs: elapsed() };
    } catch (error) {
      if (error instanceof InterruptedError) return { host: job.host, status: "cancelled", elapsedMs: elapsed() };
      noteLine({ io, lines })(`error: ${(error as Error).message}`);
      return { host: job.host, status: "failed", elapsedMs: elapsed() };
    }
  };

  const outcomes = await mapConcurrently(
    jobs,
    options.jobs,
    async (job) => {
      const outcome = await runOne(job);
      board.finished(outcome);
      if (outcome.status === "failed" && options.failFast) stopped = true;
      return outcome;
    },
    () => stopped || signal.aborted,
  );
  board.close();

  const results = jobs.map(
    (job, index): HostOutcome => outcomes[index] ?? { host: job.host, status: signal.aborted ? "cancelled" : "skipped" },
  );
  io.stderr.write(`\n${formatSummary(results)}\n`);
  return results;
}

/**
 * Turn outcomes into the command's ending: an `InterruptedError` after Ctrl-C, a
 * `CommandFailedError` naming the failed hosts, or nothing when all went well.
 */
export function requireSuccess(outcomes: readonly HostOutcome[], verb: string): void {
  if (outcomes.some((outcome) => outcome.status === "cancelled")) throw new InterruptedError(`${verb} interrupted`);
  const failed = outcomes.filter((outcome) => outcome.status !== "ok");
  if (failed.length > 0) {
    const names = failed.map((outcome) => `${outcome.host} (${outcome.status})`).join(", ");
    throw new CommandFailedError(`${verb} did not succeed on ${failed.length} of ${outcomes.length} hosts: ${names}`);
  }
}
