/**
 * The frame every command's action runs in: its context, a Ctrl-C trap for commands that run
 * children, and the one place where a `CommandError` becomes a message on stderr and an exit
 * code. Any other error (a bug) goes on to the CLI's own handler, which says so (exit code 2).
 */
import type { Command } from "commander";
import type { CommandContext } from "../command/command-context.ts";
import { CommandError } from "../command/command-error.ts";
import { terminalLines } from "../diagnostics/terminal-text.ts";
import { trapInterrupts } from "../nix-cli/interrupt.ts";
import { createCommandContext } from "./command-context.ts";
import type { CommandEnvironment } from "./command-environment.ts";

/** How a command's action behaves. */
export interface ActionOptions {
  /**
   * The command runs children (nix and friends): Ctrl-C aborts `context.signal`, the children are
   * stopped and the command ends in exit code 130. Without it, Ctrl-C ends typeflake as Node does.
   */
  readonly interruptible?: boolean;
  /** Name the command in its error messages (`typeflake plan: …`); they start `typeflake: ` otherwise. */
  readonly namedInErrors?: boolean;
}

// Never aborted: the signal of a command that leaves Ctrl-C to Node.
const NEVER = new AbortController().signal;

/**
 * Wrap a command's body as a commander action. Commander passes the command itself last; its
 * `--json` flag, if it has one, becomes `context.json`.
 */
export const commandAction =
  <Args extends unknown[]>(
    environment: CommandEnvironment,
    body: (context: CommandContext, ...args: Args) => Promise<void> | void,
    options: ActionOptions = {},
  ) =>
  async (...args: Args): Promise<void> => {
    const command = args.at(-1) as Command;
    const trap = options.interruptible ? trapInterrupts() : undefined;
    const context = createCommandContext(environment, { json: command.opts()["json"] === true, signal: trap?.signal ?? NEVER });
    try {
      await body(context, ...args);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      const prefix = options.namedInErrors ? `typeflake ${command.name()}` : "typeflake";
      // The message may quote the fleet's names (a tag, a host) or a tool's output: escaped, lines kept.
      if (error.message) context.io.stderr.write(`${prefix}: ${terminalLines(error.message)}\n`);
      context.setExitCode(error.exitCode);
    } finally {
      trap?.release();
    }
  };
