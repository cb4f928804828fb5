/**
 * `typeflake eval <host> [option]`: a host's evaluated option as JSON on stdout.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import { attrPathHelp, parseOptionPath } from "../../nix-cli/attr-path.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import { nixEval } from "../../nix-cli/nix.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";
import { hostTarget } from "../../nix-cli/select.ts";

/** Add `eval` to the program. */
export function registerEvalCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("eval")
    .description(
      "print a host's evaluated option as JSON; without an option, evaluate the whole system and print its derivation",
    )
    .argument("<host>", "host name")
    .argument("[option]", `option path, ${attrPathHelp}`);
  return withOverrideInput(withDryRun(command)).action(
    commandAction(
      environment,
      async (context, host: string, option: string | undefined, flags: DryRunFlags & OverrideInputFlags) => {
        const optionPath = option === undefined ? [] : parseOptionPath(option);
        const fleet = await context.deployTargets();
        hostTarget(fleet, host);
        await runChecked(nixEval(host, optionPath, inputOverrides(flags)), runOptionsFor(context, fleet, flags.dryRun));
      },
      { interruptible: true },
    ),
  );
}
