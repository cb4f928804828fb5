/**
 * `typeflake rollback <host>`: back to the previous system generation, or to a chosen one.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags, HostAccessFlags } from "../../nix-cli/cli-options.ts";
import { accessFromFlags, wholeNumber, withDryRun, withHostAccess } from "../../nix-cli/cli-options.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";
import { hostTarget } from "../../nix-cli/select.ts";
import { rollback } from "../../nix-cli/system-profile.ts";

interface RollbackFlags extends DryRunFlags, HostAccessFlags {
  readonly to?: number;
}

/** Add `rollback` to the program. */
export function registerRollbackCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("rollback")
    .description("switch a host back to its previous system generation (or --to a given one) and activate it")
    .argument("<host>", "host name")
    .option("--to <generation>", "switch to this generation number (see `typeflake generations`)", wholeNumber(1));
  return withDryRun(withHostAccess(command)).action(
    commandAction(environment, async (context, host: string, flags: RollbackFlags) => {
      const fleet = await context.deployTargets();
      const access = accessFromFlags(hostTarget(fleet, host), flags);
      const run = runOptionsFor(context, fleet, flags.dryRun);
      for (const line of rollback(access, flags.to)) await runChecked(line, run);
    }, { interruptible: true }),
  );
}
