/**
 * `typeflake rollback <host>`: back to the previous system generation, or to a chosen one.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import type { DryRunFlags, HostAccessFlags } from "../../nix-cli/cli-options.ts";
import { accessFromFlags, wholeNumber, withDryRun, withHostAccess } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { runChecked } from "../../nix-cli/run.ts";
import { findHost } from "../../nix-cli/select.ts";
import { rollback } from "../../nix-cli/system-profile.ts";

interface RollbackFlags extends DryRunFlags, HostAccessFlags {
  readonly to?: number;
}

/** Add `rollback` to the program. */
export function registerRollbackCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("rollback")
    .description("switch a host back to its previous system generation (or --to a given one) and activate it")
    .argument("<host>", "host name")
    .option("--to <generation>", "switch to this generation number (see `typeflake generations`)", wholeNumber(1));
  return withDryRun(withHostAccess(command)).action(
    nixAction(context, async (session, host: string, flags: RollbackFlags) => {
      const fleet = await context.loadTargets();
      const access = accessFromFlags(findHost(fleet, host), flags);
      const run = session.runOptions(fleet, flags.dryRun);
      for (const line of rollback(access, flags.to)) await runChecked(line, run);
    }),
  );
}
