/**
 * `typeflake eval <host> [option]`: a host's evaluated option as JSON on stdout.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import { attrPathHelp, parseOptionPath } from "../../nix-cli/attr-path.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { nixEval } from "../../nix-cli/nix.ts";
import { runChecked } from "../../nix-cli/run.ts";
import { findHost } from "../../nix-cli/select.ts";

/** Add `eval` to the program. */
export function registerEvalCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("eval")
    .description(
      "print a host's evaluated option as JSON; without an option, evaluate the whole system and print its derivation",
    )
    .argument("<host>", "host name")
    .argument("[option]", `option path, ${attrPathHelp}`);
  return withOverrideInput(withDryRun(command)).action(
    nixAction(
      context,
      async (session, host: string, option: string | undefined, flags: DryRunFlags & OverrideInputFlags) => {
        const optionPath = option === undefined ? [] : parseOptionPath(option);
        const fleet = await context.loadTargets();
        findHost(fleet, host);
        await runChecked(nixEval(host, optionPath, inputOverrides(flags)), session.runOptions(fleet, flags.dryRun));
      },
    ),
  );
}
