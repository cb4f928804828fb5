/**
 * Run typeflake's nix commands in-process, as a user would type them, with the output captured.
 */
import { Writable } from "node:stream";
import { Command, CommanderError } from "commander";
import { registerBuildCommand } from "../../../generators/cli/commands/build.ts";
import { registerClosureDiffCommand } from "../../../generators/cli/commands/closure-diff.ts";
import { registerDeployCommand } from "../../../generators/cli/commands/deploy.ts";
import { registerEvalCommand } from "../../../generators/cli/commands/eval.ts";
import { registerFlakeCheckCommand } from "../../../generators/cli/commands/flake-check.ts";
import { registerGenerationsCommand } from "../../../generators/cli/commands/generations.ts";
import { registerRollbackCommand } from "../../../generators/cli/commands/rollback.ts";
import { registerUpdateCommand } from "../../../generators/cli/commands/update.ts";
import type { CliContext } from "../../../generators/nix-cli/context.ts";
import type { FleetTargets } from "../../../generators/nix-cli/target.ts";

/** What a run left: its exit code and everything written to stdout and stderr. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that keeps what is written to it. */
export class Collector extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Options for one run. */
export interface RunCliOptions {
  readonly fleet: FleetTargets;
  readonly env: NodeJS.ProcessEnv;
  /** The user's directory (default: the flake's). */
  readonly cwd?: string;
  /** Where stderr goes, to watch it while the command runs (default: a fresh collector). */
  readonly stderr?: Collector;
}

/** Parse `argv` (without `typeflake`) with every nix command registered, and run it. */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<CliRun> {
  const stdout = new Collector();
  const stderr = options.stderr ?? new Collector();
  let exitCode = 0;
  const context: CliContext = {
    loadTargets: async () => options.fleet,
    io: {
      stdout,
      stderr,
      env: options.env,
      cwd: options.cwd ?? options.fleet.flakeDir,
      setExitCode: (code) => (exitCode = code),
    },
  };
  const program = new Command("typeflake").exitOverride().configureOutput({
    writeOut: (text) => stdout.write(text),
    writeErr: (text) => stderr.write(text),
  });
  for (const register of [
    registerEvalCommand,
    registerFlakeCheckCommand,
    registerBuildCommand,
    registerDeployCommand,
    registerRollbackCommand,
    registerGenerationsCommand,
    registerClosureDiffCommand,
    registerUpdateCommand,
  ]) {
    register(program, context);
  }
  try {
    await program.parseAsync(["node", "typeflake", ...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}
