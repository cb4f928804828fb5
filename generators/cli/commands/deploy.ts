/**
 * `typeflake deploy [hosts…|--all|--tag t]`: deploy with the fleet's tool (or `--tool`), several
 * hosts at a time, a status line each and a summary at the end.
 */
import { type Command, Option } from "commander";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import type { DryRunFlags } from "../../nix-cli/cli-options.ts";
import { booleanValue, pairs, wholeNumber, withDryRun } from "../../nix-cli/cli-options.ts";
import { deployCommand } from "../../nix-cli/deploy.ts";
import type { DeployMode, DeployOptions } from "../../nix-cli/deploy-options.ts";
import { checkDeployOptions, DEPLOY_MODES } from "../../nix-cli/deploy-options.ts";
import { DEFAULT_JOBS, requireSuccess, runFleet } from "../../nix-cli/fleet-run.ts";
import { runOptionsFor } from "../../nix-cli/run.ts";
import { selectHosts } from "../../nix-cli/select.ts";
import { parseTargetHost } from "../../nix-cli/ssh.ts";
import { UsageError } from "../../command/command-error.ts";
import { compareWithBase } from "../../plan/compare-revisions.ts";
import type { DeployTarget, DeployTool, FleetTargets } from "../../nix-cli/target.ts";
import { DEPLOY_TOOLS } from "../../nix-cli/target.ts";

interface DeployFlags extends DryRunFlags {
  readonly all?: boolean;
  readonly tag: string[];
  readonly mode: DeployMode;
  readonly tool?: DeployTool;
  readonly local?: boolean;
  readonly targetHost?: string;
  readonly buildHost?: string;
  readonly buildOnTarget?: boolean;
  readonly sudo?: boolean;
  readonly jobs: number;
  readonly failFast?: boolean;
  readonly skipChecks?: boolean;
  readonly magicRollback?: boolean;
  readonly autoRollback?: boolean;
  readonly confirmTimeout?: number;
  readonly nixOption?: string[];
  readonly changed?: boolean;
  readonly base?: string;
}

/**
 * `--changed`: of the selected hosts (every enabled host when none is named), those whose
 * Nix (generated or hand-kept) differs from the fleet as committed at `base`, as `typeflake plan` finds them.
 */
const changedSince = async (fleet: FleetTargets, selected: readonly DeployTarget[], base: string, say: (line: string) => void): Promise<DeployTarget[]> => {
  const comparison = await compareWithBase(fleet.flakeDir, base);
  if (!comparison.plan) throw new UsageError("the fleet does not validate; run `typeflake generate` to see why");
  const changed = new Set(comparison.plan.summary.deploy);
  const hosts = selected.filter((host) => changed.has(host.name));
  say(
    hosts.length
      ? `typeflake: ${hosts.length} of ${selected.length} selected host(s) changed since ${base}: ${hosts.map((host) => host.name).join(", ")}\n`
      : `typeflake: no selected host's Nix differs from ${base}; nothing to deploy\n`,
  );
  return hosts;
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Add `deploy` to the program. */
export function registerDeployCommand(program: Command, environment: CommandEnvironment): Command {
  const command = program
    .command("deploy")
    .description("deploy hosts with deploy-rs, colmena or nixos-rebuild, several at a time")
    .argument("[hosts...]", "host names")
    .option("--all", "every host whose deploy is enabled")
    .option("--tag <tag>", "every host with this tag (repeatable)", collect, [])
    .addOption(new Option("--mode <mode>", "what activation does").choices(DEPLOY_MODES).default("switch"))
    .addOption(new Option("--tool <tool>", "deploy tool (default: the fleet's)").choices(DEPLOY_TOOLS))
    .option("--local", "nixos-rebuild: deploy to this machine, through sudo")
    .option("--target-host <[user@]host>", "deploy to this address instead of the fleet's (one host)")
    .option("--build-host <[user@]host>", "nixos-rebuild: build on this machine")
    .option("--build-on-target", "build on the target itself")
    .option("--sudo", "nixos-rebuild: elevate on the target with sudo (--use-remote-sudo)")
    .option("--jobs <n>", "hosts deployed at once", wholeNumber(1), DEFAULT_JOBS)
    .option("--fail-fast", "start no further host after one fails")
    .option("--skip-checks", "deploy-rs: skip its nix flake check")
    .option("--magic-rollback <bool>", "deploy-rs: roll back unless the new system confirms itself", booleanValue)
    .option("--auto-rollback <bool>", "deploy-rs: roll back when activation fails", booleanValue)
    .option("--confirm-timeout <seconds>", "deploy-rs: seconds the new system has to confirm itself", wholeNumber(1))
    .option("--changed", "only the hosts whose Nix (generated or hand-kept) differs from --base (all enabled hosts' when none is named)")
    .option("--base <ref>", "with --changed: the git revision to compare with (default: HEAD)")
    .option(
      "--nix-option <name-and-value...>",
      "pass a nix setting to the tool's nix calls: --nix-option <name> <value> (repeatable)",
    );
  return withDryRun(command).action(
    commandAction(environment, async (context, names: string[], flags: DeployFlags) => {
      const fleet = await context.deployTargets();
      if (flags.base !== undefined && !flags.changed) throw new UsageError("--base goes with --changed: add --changed to deploy only the hosts changed since that revision");
      const everyHost = flags.changed === true && names.length === 0 && flags.tag.length === 0;
      const selected = selectHosts(fleet, { names, all: flags.all === true || everyHost, tags: flags.tag });
      const hosts = flags.changed ? await changedSince(fleet, selected, flags.base ?? "HEAD", (line) => context.io.stderr.write(line)) : selected;
      if (hosts.length === 0) return;
      const options: DeployOptions = {
        tool: flags.tool ?? fleet.tool,
        mode: flags.mode,
        local: flags.local === true,
        targetHost: flags.targetHost === undefined ? undefined : parseTargetHost(flags.targetHost),
        buildHost: flags.buildHost,
        buildOnTarget: flags.buildOnTarget === true,
        sudo: flags.sudo === true,
        skipChecks: flags.skipChecks === true,
        magicRollback: flags.magicRollback,
        autoRollback: flags.autoRollback,
        confirmTimeout: flags.confirmTimeout,
        nixOptions: pairs("--nix-option", flags.nixOption, "<name> <value>").map(([name, value]) => ({ name, value })),
      };
      checkDeployOptions(options, hosts.length);
      const jobs = hosts.map((target) => ({ host: target.name, line: deployCommand(target, options) }));
      const outcomes = await runFleet(jobs, {
        ...runOptionsFor(context, fleet, flags.dryRun),
        jobs: flags.jobs,
        failFast: flags.failFast === true,
      });
      requireSuccess(outcomes, "deploy");
    }, { interruptible: true }),
  );
}
