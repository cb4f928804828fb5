/**
 * Run typeflake's nix commands in-process, as a user would type them, with the output captured.
 */
import { registerBuildCommand } from "../../../generators/cli/commands/build.ts";
import { registerClosureDiffCommand } from "../../../generators/cli/commands/closure-diff.ts";
import { registerDeployCommand } from "../../../generators/cli/commands/deploy.ts";
import { registerEvalCommand } from "../../../generators/cli/commands/eval.ts";
import { registerFlakeCheckCommand } from "../../../generators/cli/commands/flake-check.ts";
import { registerGenerationsCommand } from "../../../generators/cli/commands/generations.ts";
import { registerRollbackCommand } from "../../../generators/cli/commands/rollback.ts";
import { registerUpdateCommand } from "../../../generators/cli/commands/update.ts";
import type { FleetTargets } from "../../../generators/nix-cli/target.ts";
import { type Collector, type CommandRun, runCommand } from "../../support/run-command.ts";

/** Options for one run. */
export interface RunCliOptions {
  readonly fleet: FleetTargets;
  readonly env: NodeJS.ProcessEnv;
  /** The user's directory (default: the flake's). */
  readonly cwd?: string;
  /** Where stderr goes, to watch it while the command runs (default: a fresh collector). */
  readonly stderr?: Collector;
}

const NIX_COMMANDS = [
  registerEvalCommand,
  registerFlakeCheckCommand,
  registerBuildCommand,
  registerDeployCommand,
  registerRollbackCommand,
  registerGenerationsCommand,
  registerClosureDiffCommand,
  registerUpdateCommand,
];

/** Parse `argv` (without `typeflake`) with every nix command registered, and run it on `options.fleet`. */
export const runCli = (argv: readonly string[], options: RunCliOptions): Promise<CommandRun> =>
  runCommand(NIX_COMMANDS, argv, {
    deployTargets: options.fleet,
    env: options.env,
    cwd: options.cwd ?? options.fleet.flakeDir,
    ...(options.stderr ? { stderr: options.stderr } : {}),
  });
