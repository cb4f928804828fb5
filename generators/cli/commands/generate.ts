/**
 * `typeflake generate [--check] [--force] [--eval] [--json] [--no-cache] [--watch]` and `typeflake diff`.
 * Generating and checking reuse the last run when none of its inputs changed (`cache/`); `--eval`
 * needs the loaded fleet itself, so it always runs the pipeline.
 */
import type { Command } from "commander";
import { writeHashMemo } from "../../cache/hash-memo-store.ts";
import type { CommandContext } from "../../command/command-context.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { checkPlan } from "../../emit/check.ts";
import { checkExitCode } from "../../emit/exit-code.ts";
import { formatCheckReport } from "../../emit/report.ts";
import { untrackedGeneratedFiles } from "../../git/track-generated.ts";
import { commandAction } from "../command-action.ts";
import { watchFleet, type WatchOptions } from "./generate-watch.ts";
import { plannedFiles, reportAfter, writePlanned } from "./write-planned.ts";
import type { CommandEnvironment } from "../command-environment.ts";

/** `generate`'s flags. */
interface GenerateOptions extends WatchOptions {
  readonly watch?: boolean;
}

/** `--no-cache`, on `generate` and `diff`. */
const NO_CACHE = ["--no-cache", "load, validate and plan the fleet even when nothing changed since the last run"] as const;

/** The valid fleet and its plan, its warnings shown (an invalid fleet ends the run in exit code 1). */
export const plannedFleet = async (context: CommandContext) => {
  const planned = await context.loadFleet();
  await context.reportDiagnostics(planned.diagnostics);
  return planned;
};

/**
 * Compare the plan with the disk; print the drift report (on stdout, a diff to pipe, except with
 * `--json`, whose stdout is the JSON alone); exit 1 on drift.
 */
const checkAgainstDisk = async (context: CommandContext, cache: boolean): Promise<void> => {
  const planned = await plannedFiles(context, context.loadPlan({ reuse: cache }));
  const root = context.fleetRoot();
  const report = context.json ? context.io.stderr : context.io.stdout;
  // git runs while the disk is read and compared (another core), not after.
  const tracking = untrackedGeneratedFiles(root, planned.plan.files.map((file) => file.path));
  tracking.catch(() => undefined);
  const result = await checkPlan(root, planned.plan, planned.hashes?.memo);
  if (planned.hashes) await writeHashMemo(planned.hashes);
  await reportAfter(context, planned, result);
  report.write(formatCheckReport(result, { color: context.color(report) }));
  const untracked = await tracking;
  report.write(untracked.map((line) => `${line}\n`).join(""));
  context.setExitCode(untracked.length ? ExitCode.Invalid : checkExitCode(result));
};

/** Add `generate` and `diff` to the program. */
export function registerGenerateCommands(program: Command, environment: CommandEnvironment): void {
  program
    .command("generate")
    .description("validate the fleet and write its flake (nothing is written when anything is invalid)")
    .option("--check", "write nothing; exit 1 with a diff when the committed files are stale")
    .option("--force", "overwrite files that lack typeflake's generated header, or generated files edited by hand")
    .option("--eval", "after writing, evaluate every host with `nix eval`")
    .option("--json", "print diagnostics as JSON on stdout")
    .option(...NO_CACHE)
    .option("--watch", "after generating, keep running: generate again whenever a file the fleet is made from changes")
    .action(
      commandAction(environment, async (context, options: GenerateOptions) => {
        if (options.watch) return watchFleet(context, options);
        if (options.check) return checkAgainstDisk(context, options.cache);
        // --eval needs the loaded fleet itself, so it runs the pipeline (no run cache).
        const planned = await plannedFiles(context, options.eval ? context.loadFleet() : context.loadPlan({ reuse: options.cache }));
        if ((await writePlanned(context, planned, options)) !== ExitCode.Ok || !options.eval) return;
        const { evaluateHosts } = await import("../../nix-cli/eval-hosts.ts");
        const outcomes = await evaluateHosts(await context.deployTargets(), { io: context.io });
        if (outcomes.some((outcome) => outcome.status !== "ok")) context.setExitCode(ExitCode.Invalid);
      }),
    );

  program
    .command("diff")
    .description("show how the generated files on disk differ from what the TypeScript describes")
    .option("--json", "print diagnostics as JSON on stdout")
    .option(...NO_CACHE)
    .action(commandAction(environment, (context, options: { cache: boolean }) => checkAgainstDisk(context, options.cache)));
}
