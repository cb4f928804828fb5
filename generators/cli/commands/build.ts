/**
 * `typeflake build <host>`: `nixos-rebuild build`, leaving `result` in the flake's directory.
 */
import type { Command } from "commander";
import { nixAction } from "../../nix-cli/action.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import type { CliContext } from "../../nix-cli/context.ts";
import { nixosRebuildBuild } from "../../nix-cli/nixos-rebuild.ts";
import { runChecked } from "../../nix-cli/run.ts";
import { findHost } from "../../nix-cli/select.ts";

interface BuildFlags extends DryRunFlags, OverrideInputFlags {
  readonly buildHost?: string;
}

/** Add `build` to the program. */
export function registerBuildCommand(program: Command, context: CliContext): Command {
  const command = program
    .command("build")
    .description("build a host's system with nixos-rebuild build (a result link in the flake's directory)")
    .argument("<host>", "host name")
    .option("--build-host <[user@]host>", "build on this machine instead of the fleet's build host (or locally)");
  return withOverrideInput(withDryRun(command)).action(
    nixAction(context, async (session, host: string, flags: BuildFlags) => {
      const fleet = await context.loadTargets();
      const target = findHost(fleet, host);
      const line = nixosRebuildBuild(host, {
        buildHost: flags.buildHost ?? target.buildHost,
        overrides: inputOverrides(flags),
      });
      await runChecked(line, session.runOptions(fleet, flags.dryRun));
    }),
  );
}
