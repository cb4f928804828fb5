/**
 * The failures typeflake's nix commands report, each with the exit code it ends in:
 * 1 when the input or a host is at fault, 2 when the tool itself could not do its job.
 * Messages are complete sentences for the user: what is wrong, where, and what would be valid.
 */

/** A failure the user is told about in one message, ending in `exitCode`. */
export abstract class NixCliError extends Error {
  abstract readonly exitCode: number;
}

/** Invalid input: an unknown host or tag, options that do not go together. Exit code 1. */
export class UsageError extends NixCliError {
  readonly exitCode = 1;
}

/** A command ran and failed (nix, a deploy tool, ssh); its own output has already been shown. Exit code 1. */
export class CommandFailedError extends NixCliError {
  readonly exitCode = 1;
}

/** A tool typeflake needs is missing or misbehaved. Exit code 2. */
export class ToolError extends NixCliError {
  readonly exitCode = 2;
}

/** The user pressed Ctrl-C (or the process got SIGTERM); children were stopped. Exit code 130, as shells use. */
export class InterruptedError extends NixCliError {
  readonly exitCode = 130;
}

/** The exit code an error ends the process with: its own, or 2 for a bug in typeflake. */
export const exitCodeOf = (error: unknown): number => (error instanceof NixCliError ? error.exitCode : 2);

/** The message for an error: its own, or the stack of a bug in typeflake (what a bug report needs). */
export const describeError = (error: unknown): string =>
  error instanceof NixCliError ? error.message : `internal error: ${error instanceof Error ? error.stack : String(error)}`;
