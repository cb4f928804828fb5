/**
 * `typeflake build <host>`: `nixos-rebuild build`, leaving `result` in the flake's directory.
 */
import type { Command } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags, OverrideInputFlags } from "../../nix-cli/cli-options.ts";
import { inputOverrides, withDryRun, withOverrideInput } from "../../nix-cli/cli-options.ts";
import { nixosRebuildBuild } from "../../nix-cli/nixos-rebuild.ts";
import { runChecked, runOptionsFor } from "../../nix-cli/run.ts";
import { hostTarget } from "../../nix-cli/select.ts";

interface BuildFlags extends DryRunFlags, OverrideInputFlags {
  readonly buildHost?: string;
}

/** Add `build` to the program. */
export function registerBuildCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("build")
    .description("build a host's system with nixos-rebuild build (a result link in the flake's directory)")
    .argument("<host>", "host name")
    .option("--build-host <[user@]host>", "build on this machine instead of the fleet's build host (or locally)");
  return withOverrideInput(withDryRun(command)).action(
    commandAction(environment, async (context, host: string, flags: BuildFlags) => {
      const fleet = await context.deployTargets();
      const target = hostTarget(fleet, host);
      const line = nixosRebuildBuild(host, {
        buildHost: flags.buildHost ?? target.buildHost,
        overrides: inputOverrides(flags),
      });
      await runChecked(line, runOptionsFor(context, fleet, flags.dryRun));
    }, { interruptible: true }),
  );
}
