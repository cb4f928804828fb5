/**
 * The failures a command reports in one message and the exit code each ends in: every command
 * throws these, and the CLI's action frame (`cli/command-action.ts`) shows the message on stderr
 * and sets the exit code. Messages are complete sentences for the user: what is wrong, where,
 * and what would be valid. Anything else thrown is a typeflake bug (exit code 2).
 */
import { ExitCode } from "./exit-code.ts";

/** A failure the user is told about in one message (none when it was shown already), ending in `exitCode`. */
export abstract class CommandError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Invalid input: an unknown host or tag, options that do not go together, no fleet here. Exit code 1. */
export class UsageError extends CommandError {
  readonly exitCode = ExitCode.Invalid;
}

/** A command ran and failed (nix, a deploy tool, ssh); its own output has already been shown. Exit code 1. */
export class CommandFailedError extends CommandError {
  readonly exitCode = ExitCode.Invalid;
}

/** A tool typeflake needs is missing or misbehaved. Exit code 2. */
export class ToolError extends CommandError {
  readonly exitCode = ExitCode.Failed;
}

/** The user pressed Ctrl-C (or the process got SIGTERM); children were stopped. Exit code 130. */
export class InterruptedError extends CommandError {
  readonly exitCode = ExitCode.Interrupted;
}

/**
 * What went wrong has been shown already (the fleet's diagnostics, a recovery report, a list of
 * problems): the command ends in `exitCode` with nothing more to say.
 */
export class AlreadyReported extends CommandError {
  constructor(readonly exitCode: ExitCode) {
    super("");
  }
}
