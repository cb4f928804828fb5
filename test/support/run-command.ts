/**
 * Run typeflake commands in this process, as a user would type them, through the same command
 * context as the CLI: streams collected, the exit code recorded, the fleet root given.
 */
import { Writable } from "node:stream";
import { Command, CommanderError } from "commander";
import type { CommandEnvironment } from "../../generators/cli/command-environment.ts";
import type { ExitCode } from "../../generators/command/exit-code.ts";
import type { FleetTargets } from "../../generators/nix-cli/target.ts";

/** A stream that keeps what is written to it. */
export class Collector extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** What a run left: its exit code (0 when none was set) and everything written to stdout and stderr. */
export interface CommandRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where a command runs. */
export interface RunCommandOptions {
  /** The fleet root, as `-C` gives it (default: the nearest fleet around `cwd`). */
  readonly root?: string;
  /** The user's directory (default: this process's). */
  readonly cwd?: string;
  /** The environment the tools see (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where stderr goes, to watch it while the command runs (default: a fresh collector). */
  readonly stderr?: Collector;
  /** Deploy targets instead of a fleet's (the nix commands' tests). */
  readonly deployTargets?: FleetTargets;
  /** Also send the exit code here (tests that read it where the CLI leaves it, `process.exitCode`). */
  readonly setExitCode?: (code: ExitCode) => void;
}

/** A function that adds commands to a program, as each `generators/cli/commands/*.ts` exports. */
export type Registration = (program: Command, environment: CommandEnvironment) => unknown;

/** Parse `argv` (without `typeflake`) with `registrations`' commands, and run it. */
export async function runCommand(registrations: readonly Registration[], argv: readonly string[], options: RunCommandOptions = {}): Promise<CommandRun> {
  const stdout = new Collector();
  const stderr = options.stderr ?? new Collector();
  let exitCode = 0;
  const { deployTargets } = options;
  const environment: CommandEnvironment = {
    io: { stdout, stderr, env: options.env ?? process.env, cwd: options.cwd ?? process.cwd() },
    rootOption: () => options.root,
    setExitCode: (code) => {
      exitCode = code;
      options.setExitCode?.(code);
    },
    ...(deployTargets ? { deployTargets: async () => deployTargets } : {}),
  };
  const program = new Command("typeflake").exitOverride().configureOutput({
    writeOut: (text) => stdout.write(text),
    writeErr: (text) => stderr.write(text),
  });
  for (const register of registrations) register(program, environment);
  try {
    await program.parseAsync(["node", "typeflake", ...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}
