/** Several measured runs of one command, summarised: median wall and CPU time, highest peak RSS. */
import { CLOCK_SLACK_MS } from "../generators/hash-memo.ts";
import { median } from "./report/table.ts";
import type { Measured } from "./measure/child.ts";

/** The summary of a few runs of one command. */
export interface RunStats {
  readonly runs: number;
  /** Median wall time. */
  readonly wallMs: number;
  /** Fastest run. */
  readonly minMs: number;
  /** Highest peak RSS of any run, in MB, when the child reported it. */
  readonly rssMb: number | undefined;
  /** Median CPU time (user + system, all threads), when the child reported it. */
  readonly cpuMs: number | undefined;
}

/** The first failed run's exit code and output, as a short text; undefined when all succeeded. */
export const failureOf = (runs: readonly Measured[], what: string): string | undefined => {
  const failed = runs.find((run) => run.exitCode !== 0);
  if (!failed) return undefined;
  const output = `${failed.stderr}\n${failed.stdout}`.trim().split("\n").slice(0, 12).join("\n");
  return `${what} exited with ${failed.exitCode}:\n${output}`;
};

/** Median wall time, fastest run and highest RSS of `runs` (at least one). */
export const statsOf = (runs: readonly Measured[]): RunStats => {
  const walls = runs.map((run) => run.wallMs);
  const rss = runs.flatMap((run) => (run.rssMb === undefined ? [] : [run.rssMb]));
  return {
    runs: runs.length,
    wallMs: median(walls) ?? Number.NaN,
    minMs: Math.min(...walls),
    rssMb: rss.length ? Math.max(...rss) : undefined,
    cpuMs: median(runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]))),
  };
};

/** The summary of `runs`, or undefined when the command was not run. */
export const statsIfRun = (runs: readonly Measured[]): RunStats | undefined => (runs.length ? statsOf(runs) : undefined);

/** Run `once` `times` times, one after another. */
export const repeat = async (times: number, once: () => Promise<Measured>): Promise<Measured[]> => {
  const results: Measured[] = [];
  for (let run = 0; run < times; run += 1) results.push(await once());
  return results;
};

/**
 * Wait until files written so far are older than the hash memo's clock slack, as in any real next
 * run: a file changed within it is read by every run, never remembered (see docs/cache.md).
 */
export const afterClockSlack = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, CLOCK_SLACK_MS + 200));
