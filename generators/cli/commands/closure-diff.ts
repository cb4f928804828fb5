/**
 * `typeflake closure-diff <host>`: what deploying would change on the host.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags, HostAccessFlags } from "../../nix-cli/cli-options.ts";
import { accessFromFlags, withDryRun, withHostAccess } from "../../nix-cli/cli-options.ts";
import { closureDiff } from "../../nix-cli/closure-diff.ts";
import { runOptionsFor } from "../../nix-cli/run.ts";
import { hostTarget } from "../../nix-cli/select.ts";

/** Add `closure-diff` to the program. */
export function registerClosureDiffCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("closure-diff")
    .description(
      "build a host's new system and compare it with the running one (nvd when installed, else nix store diff-closures)",
    )
    .argument("<host>", "host name");
  return withDryRun(withHostAccess(command)).action(
    commandAction(environment, async (context, host: string, flags: DryRunFlags & HostAccessFlags) => {
      const fleet = await context.deployTargets();
      const access = accessFromFlags(hostTarget(fleet, host), flags);
      await closureDiff(host, access, runOptionsFor(context, fleet, flags.dryRun));
    }, { interruptible: true }),
  );
}
