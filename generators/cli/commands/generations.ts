/**
 * `typeflake generations <host>`: the host's system generations.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import type { DryRunFlags, HostAccessFlags } from "../../nix-cli/cli-options.ts";
import { accessFromFlags, withDryRun, withHostAccess } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { runChecked } from "../../nix-cli/run.ts";
import { findHost } from "../../nix-cli/select.ts";
import { listGenerations } from "../../nix-cli/system-profile.ts";

/** Add `generations` to the program. */
export function registerGenerationsCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("generations")
    .description("list a host's system generations (nix-env --list-generations over ssh)")
    .argument("<host>", "host name");
  return withDryRun(withHostAccess(command)).action(
    nixAction(context, async (session, host: string, flags: DryRunFlags & HostAccessFlags) => {
      const fleet = await context.loadTargets();
      const access = accessFromFlags(findHost(fleet, host), flags);
      await runChecked(listGenerations(access), session.runOptions(fleet, flags.dryRun));
    }),
  );
}
