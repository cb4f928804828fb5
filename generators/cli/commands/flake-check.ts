/**
 * `typeflake flake-check`: `nix flake check` on the generated flake.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import { nixFlakeCheck } from "../../nix-cli/nix.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";

/** Add `flake-check` to the program. */
export function registerFlakeCheckCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("flake-check")
    .description("run nix flake check: evaluate every host and run the flake's checks");
  return withOverrideInput(withDryRun(command)).action(
    commandAction(environment, async (context, flags: DryRunFlags & OverrideInputFlags) => {
      const fleet = await context.deployTargets();
      await runChecked(nixFlakeCheck(inputOverrides(flags)), runOptionsFor(context, fleet, flags.dryRun));
    }, { interruptible: true }),
  );
}
