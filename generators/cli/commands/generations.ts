/**
 * `typeflake generations <host>`: the host's system generations.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags, HostAccessFlags } from "../../nix-cli/cli-options.ts";
import { accessFromFlags, withDryRun, withHostAccess } from "../../nix-cli/cli-options.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";
import { hostTarget } from "../../nix-cli/select.ts";
import { listGenerations } from "../../nix-cli/system-profile.ts";

/** Add `generations` to the program. */
export function registerGenerationsCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("generations")
    .description("list a host's system generations (nix-env --list-generations over ssh)")
    .argument("<host>", "host name");
  return withDryRun(withHostAccess(command)).action(
    commandAction(environment, async (context, host: string, flags: DryRunFlags & HostAccessFlags) => {
      const fleet = await context.deployTargets();
      const access = accessFromFlags(hostTarget(fleet, host), flags);
      await runChecked(listGenerations(access), runOptionsFor(context, fleet, flags.dryRun));
    }, { interruptible: true }),
  );
}
