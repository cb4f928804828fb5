/**
 * The frame every nix command's action runs in: the io, a Ctrl-C trap for its children, and one
 * place that turns typeflake's nix errors into a message on stderr and the process's exit code.
 * Any other error (the fleet loader's, a bug) goes on to the CLI's own handler.
 */
import type { CliContext, CliIo } from "./context.ts";
import { resolveIo } from "./context.ts";
import { NixCliError } from "./errors.ts";
import { trapInterrupts } from "./interrupt.ts";
import type { RunOptions } from "./run.ts";
import type { FleetTargets } from "./target.ts";

/** What an action works with. */
export interface Session {
  readonly io: CliIo;
  /** Aborted on Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal;
  /** Options to run commands in the fleet's flake directory. */
  runOptions(fleet: FleetTargets, dryRun: boolean | undefined): RunOptions;
}

/** Wrap a command's body as a commander action: its nix errors become a message and an exit code. */
export const nixAction =
  <Args extends unknown[]>(context: CliContext, body: (session: Session, ...args: Args) => Promise<void>) =>
  async (...args: Args): Promise<void> => {
    const io = resolveIo(context.io);
    const trap = trapInterrupts();
    const session: Session = {
      io,
      signal: trap.signal,
      runOptions: (fleet, dryRun) => ({ cwd: fleet.flakeDir, io, dryRun: dryRun === true, signal: trap.signal }),
    };
    try {
      await body(session, ...args);
    } catch (error) {
      if (!(error instanceof NixCliError)) throw error;
      io.stderr.write(`typeflake: ${error.message}\n`);
      io.setExitCode(error.exitCode);
    } finally {
      trap.release();
    }
  };
