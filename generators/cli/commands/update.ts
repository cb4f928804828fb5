/**
 * `typeflake update [inputs…]`: update the flake's lock file, all inputs or the named ones.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags } from "../../nix-cli/cli-options.ts";
import { withDryRun } from "../../nix-cli/cli-options.ts";
import { checkInputs } from "../../nix-cli/flake-lock.ts";
import { nixFlakeUpdate } from "../../nix-cli/nix.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";

/** Add `update` to the program. */
export function registerUpdateCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("update")
    .description("update flake.lock: every input, or only the named ones")
    .argument("[inputs...]", "inputs to update, e.g. nixpkgs");
  return withDryRun(command).action(
    commandAction(environment, async (context, inputs: string[], flags: DryRunFlags) => {
      const fleet = await context.deployTargets();
      checkInputs(fleet.flakeDir, inputs);
      await runChecked(nixFlakeUpdate(inputs), runOptionsFor(context, fleet, flags.dryRun));
    }, { interruptible: true }),
  );
}
