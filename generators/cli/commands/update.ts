/**
 * `typeflake update [inputs…]`: update the flake's lock file, all inputs or the named ones.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import type { DryRunFlags } from "../../nix-cli/cli-options.ts";
import { withDryRun } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { checkInputs } from "../../nix-cli/flake-lock.ts";
import { nixFlakeUpdate } from "../../nix-cli/nix.ts";
import { runChecked } from "../../nix-cli/run.ts";

/** Add `update` to the program. */
export function registerUpdateCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("update")
    .description("update flake.lock: every input, or only the named ones")
    .argument("[inputs...]", "inputs to update, e.g. nixpkgs");
  return withDryRun(command).action(
    nixAction(context, async (session, inputs: string[], flags: DryRunFlags) => {
      const fleet = await context.loadTargets();
      checkInputs(fleet.flakeDir, inputs);
      await runChecked(nixFlakeUpdate(inputs), session.runOptions(fleet, flags.dryRun));
    }),
  );
}
