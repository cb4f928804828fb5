/**
 * The exit codes of every typeflake command, in one place (README, "Commands", lists them).
 */

/** How a typeflake command ends. */
export const ExitCode = {
  /** Done, or nothing to do. */
  Ok: 0,
  /** The user has something to fix: invalid input, drift, a hand-written file in the way, a host that failed. */
  Invalid: 1,
  /** typeflake itself, or a tool it needs, failed. */
  Failed: 2,
  /** Ctrl-C or SIGTERM stopped the command (and its children first), as shells code it. */
  Interrupted: 130,
} as const;

/** One of `ExitCode`'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
