/**
 * `typeflake generate [--check] [--force] [--eval] [--json]` and `typeflake diff`.
 */
import type { Command } from "commander";
import { colorEnabled } from "../../emit/color.ts";
import { checkPlan } from "../../emit/check.ts";
import { checkExitCode, writeExitCode } from "../../emit/exit-code.ts";
import { formatCheckReport, formatWriteReport } from "../../emit/report.ts";
import { describeHolder, type LockHolder } from "../../emit/lock.ts";
import { writePlan } from "../../emit/write.ts";
import { evaluateHosts } from "../../nix-cli/eval-hosts.ts";
import { runPipeline } from "../../pipeline.ts";
import { fleetTargets } from "../../nix-cli/fleet-targets.ts";
import { trackGeneratedFiles, untrackedGeneratedFiles } from "../../git/track-generated.ts";
import { reportDiagnostics } from "../report-diagnostics.ts";
import type { GlobalOptions } from "../global-options.ts";

interface GenerateOptions {
  readonly check?: boolean;
  readonly force?: boolean;
  readonly eval?: boolean;
  readonly json?: boolean;
}

/** Validate and plan; on invalid input report and set exit code 1, returning nothing. */
export const plannedFleet = async (root: string, json: boolean) => {
  const result = await runPipeline(root);
  await reportDiagnostics(result.diagnostics, { root, json });
  if (!result.plan || !result.fleet) {
    process.exitCode = 1;
    return undefined;
  }
  return { plan: result.plan, fleet: result.fleet };
};

/** Compare the plan with the disk; print the drift report; exit 1 on drift. */
const checkAgainstDisk = async (root: string, json: boolean): Promise<void> => {
  const planned = await plannedFleet(root, json);
  if (!planned) return;
  const result = await checkPlan(root, planned.plan);
  process.stdout.write(formatCheckReport(result, { color: colorEnabled(process.stdout, process.env) }));
  const untracked = await untrackedGeneratedFiles(root, planned.plan.files.map((file) => file.path));
  process.stdout.write(untracked.map((line) => `${line}\n`).join(""));
  process.exitCode = untracked.length ? 1 : checkExitCode(result);
};

export function registerGenerateCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command("generate")
    .description("validate the fleet and write its flake (nothing is written when anything is invalid)")
    .option("--check", "write nothing; exit 1 with a diff when the committed files are stale")
    .option("--force", "overwrite files that lack typeflake's generated header, or generated files edited by hand")
    .option("--eval", "after writing, evaluate every host with `nix eval`")
    .option("--json", "print diagnostics as JSON on stdout")
    .action(async (options: GenerateOptions) => {
      const { root } = globals();
      if (options.check) return checkAgainstDisk(root, Boolean(options.json));
      const planned = await plannedFleet(root, Boolean(options.json));
      if (!planned) return;
      const onLockWait = (holder: LockHolder) => process.stderr.write(`Waiting for another typeflake run to finish (${describeHolder(holder)})…\n`);
      const result = await writePlan(root, planned.plan, { force: Boolean(options.force), onLockWait });
      process.stderr.write(formatWriteReport(result, { color: colorEnabled(process.stderr, process.env) }));
      process.exitCode = writeExitCode(result);
      if (process.exitCode !== 0) return;
      const tracked = await trackGeneratedFiles(root, planned.plan.files.map((file) => file.path));
      process.stderr.write(tracked.map((line) => `${line}\n`).join(""));
      if (!options.eval) return;
      const outcomes = await evaluateHosts(fleetTargets(planned.fleet, root), {});
      if (outcomes.some((outcome) => outcome.status !== "ok")) process.exitCode = 1;
    });

  program
    .command("diff")
    .description("show how the generated files on disk differ from what the TypeScript describes")
    .option("--json", "print diagnostics as JSON on stdout")
    .action(async (options: { json?: boolean }) => checkAgainstDisk(globals().root, Boolean(options.json)));
}
