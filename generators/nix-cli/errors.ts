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
