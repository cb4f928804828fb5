/**
 * How a multi-host run ended, per host, and the table typeflake prints at its end.
 */

/** How one host's run ended. */
export type HostStatus = "ok" | "failed" | "skipped" | "cancelled";

/** One host's outcome. */
export interface HostOutcome {
  readonly host: string;
  readonly status: HostStatus;
  /** The command's exit code, when it ran to the end. */
  readonly exitCode?: number;
  /** Wall time from start to end, when it started. */
  readonly elapsedMs?: number;
}

/** `0.4s`, `12.3s`, `2m05s`. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

/** `ok`, `failed (exit 1)`, `skipped`, `cancelled`. */
export const describeResult = (outcome: HostOutcome): string =>
  outcome.status === "failed" && outcome.exitCode !== undefined ? `failed (exit ${outcome.exitCode})` : outcome.status;

/** The summary table: one row per host with its result and time, columns aligned. */
export function formatSummary(outcomes: readonly HostOutcome[]): string {
  const rows = [
    ["host", "result", "time"],
    ...outcomes.map((outcome) => [
      outcome.host,
      describeResult(outcome),
      outcome.elapsedMs === undefined ? "-" : formatElapsed(outcome.elapsedMs),
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map(([host = "", result = "", time = ""]) =>
      `${host.padEnd(widths[0] ?? 0)}  ${result.padEnd(widths[1] ?? 0)}  ${time}`.trimEnd(),
    )
    .join("\n");
}
