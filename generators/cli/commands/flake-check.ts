/**
 * `typeflake flake-check`: `nix flake check` on the generated flake.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { nixFlakeCheck } from "../../nix-cli/nix.ts";
import { runChecked } from "../../nix-cli/run.ts";

/** Add `flake-check` to the program. */
export function registerFlakeCheckCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("flake-check")
    .description("run nix flake check: evaluate every host and run the flake's checks");
  return withOverrideInput(withDryRun(command)).action(
    nixAction(context, async (session, flags: DryRunFlags & OverrideInputFlags) => {
      const fleet = await context.loadTargets();
      await runChecked(nixFlakeCheck(inputOverrides(flags)), session.runOptions(fleet, flags.dryRun));
    }),
  );
}
