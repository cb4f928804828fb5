/**
 * The frame every nix command's action runs in: the io, a Ctrl-C trap for its children, and one
 * place that turns an error into a message on stderr and the process's exit code.
 */
import type { CliContext, CliIo } from "./context.ts";
import { resolveIo } from "./context.ts";
import { describeError, exitCodeOf } from "./errors.ts";
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

/** Wrap a command's body as a commander action: errors become a message and an exit code, never a throw. */
export const nixAction =
  <Args extends unknown[]>(context: CliContext, body: (session: Session, ...args: Args) => Promise<void>) =>
  async (...args: Args): Promise<void> => {
    const io = resolveIo(context);
    const trap = trapInterrupts();
    const session: Session = {
      io,
      signal: trap.signal,
      runOptions: (fleet, dryRun) => ({ cwd: fleet.flakeDir, io, dryRun: dryRun === true, signal: trap.signal }),
    };
    try {
      await body(session, ...args);
    } catch (error) {
      io.stderr.write(`typeflake: ${describeError(error)}\n`);
      io.setExitCode(exitCodeOf(error));
    } finally {
      trap.release();
    }
  };
