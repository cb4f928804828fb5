/**
 * `typeflake status [hosts…]`: which commit each machine runs (`nixos-version
 * --configuration-revision` over ssh, every host at once, each within `--timeout`), against the
 * fleet's history: current, behind by how many commits, built from uncommitted changes, unknown,
 * or unreachable. Exit code 0 when every host runs HEAD, 1 otherwise.
 */
import type { Command } from "commander";
import { ExitCode } from "../../command/exit-code.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import { mapConcurrently } from "../../concurrency.ts";
import { wholeNumber } from "../../nix-cli/cli-options.ts";
import { formatCommandLine } from "../../nix-cli/command-line.ts";
import { ensureTools } from "../../nix-cli/run.ts";
import { selectHosts } from "../../nix-cli/select.ts";
import { builtFrom, driftReport, hostDrift, renderDriftJson, renderDriftText, type CommitFacts, type Probe } from "../../plan/drift.ts";
import { commitFacts, headCommit } from "../../plan/git-history.ts";
import { probeHost, revisionCommand } from "../../plan/probe-host.ts";

interface StatusFlags {
  readonly tag: string[];
  readonly timeout: number;
  readonly jobs: number;
  readonly json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Add `status` to the program. */
export function registerStatusCommand(program: Command, environment: CommandEnvironment): Command {
  return program
    .command("status")
    .description("which commit each host runs, compared with the fleet's git history (asks each host over ssh)")
    .argument("[hosts...]", "host names (default: every host whose deploy is enabled)")
    .option("--tag <tag>", "every host with this tag (repeatable)", collect, [])
    .option("--timeout <seconds>", "give up on a host after this many seconds", wholeNumber(1), 10)
    .option("--jobs <n>", "hosts asked at once", wholeNumber(1), 32)
    .option("--json", "print the report as JSON on stdout")
    .action(
      commandAction(environment, async (context, names: string[], flags: StatusFlags) => {
        const fleet = await context.deployTargets();
        const hosts = selectHosts(fleet, { names, all: names.length === 0 && flags.tag.length === 0, tags: flags.tag });
        const head = await headCommit(fleet.flakeDir);
        const lines = hosts.map((target) => revisionCommand(target, flags.timeout));
        ensureTools(lines, context.io.env);
        for (const line of lines) context.io.stderr.write(`$ ${formatCommandLine(line)}\n`);
        const probes = (await mapConcurrently(lines, flags.jobs, (line) =>
          probeHost(line, { timeoutSeconds: flags.timeout, env: context.io.env, signal: context.signal }),
        )) as Probe[];
        const commits = [...new Set(probes.flatMap((probe) => (probe.kind === "revision" ? [builtFrom(probe.revision)] : [])))];
        const facts = new Map<string, CommitFacts>(await Promise.all(commits.map(async (commit) => [commit, await commitFacts(fleet.flakeDir, commit)] as const)));
        const report = driftReport(
          head,
          hosts.map((target, index) => hostDrift(target.name, probes[index] as Probe, head, (commit) => facts.get(commit) ?? { known: false })),
        );
        context.io.stdout.write(flags.json ? renderDriftJson(report) : renderDriftText(report, { color: context.color(context.io.stdout) }));
        context.setExitCode(report.summary.current === hosts.length ? ExitCode.Ok : ExitCode.Invalid);
      }, { interruptible: true }),
    );
}
