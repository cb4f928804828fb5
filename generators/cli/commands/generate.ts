/**
 * `typeflake generate [--check] [--force] [--eval] [--json] [--no-cache]` and `typeflake diff`.
 * Generating and checking reuse the last run when none of its inputs changed (`cache/`); `--eval`
 * needs the loaded fleet itself, so it always runs the pipeline.
 */
import type { Command } from "commander";
import { writeHashMemo } from "../../cache/hash-memo-store.ts";
import type { CommandContext, PlannedFiles } from "../../command/command-context.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { checkPlan } from "../../emit/check.ts";
import { checkExitCode, writeExitCode } from "../../emit/exit-code.ts";
import type { EmitProblem } from "../../emit/problems.ts";
import { formatCheckReport, formatWriteReport } from "../../emit/report.ts";
import { type LockHolder, waitingLine } from "../../emit/lock.ts";
import { writePlan } from "../../emit/write.ts";
import { notePendingTracking } from "../../git/pending-tracking.ts";
import { untrackedGeneratedFiles } from "../../git/track-generated.ts";
import { addNotedFiles } from "../../git/track-pending.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";

interface GenerateOptions {
  readonly check?: boolean;
  readonly force?: boolean;
  readonly eval?: boolean;
  readonly json?: boolean;
  /** False with `--no-cache`. */
  readonly cache: boolean;
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
 * The plan being made (`loadPlan`, through the run cache, or `loadFleet`; an invalid fleet ends the
 * run in exit code 1), its warnings shown as text; as JSON they wait for `reportAfter`, which adds
 * why the files were not written or compared to the same array.
 */
const plannedFiles = async (context: CommandContext, planned: Promise<PlannedFiles>): Promise<PlannedFiles> => {
  const files = await planned;
  if (!context.json) await context.reportDiagnostics(files.diagnostics);
  return files;
};

/** With `--json`, the plan's warnings and the write or check stage's refusals, as one array. */
const reportAfter = async (context: CommandContext, planned: PlannedFiles, result: { readonly refused: readonly EmitProblem[]; readonly failed: readonly EmitProblem[] }) => {
  if (context.json) await context.reportDiagnostics(planned.diagnostics, [...result.refused, ...result.failed]);
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
    .action(
      commandAction(environment, async (context, options: GenerateOptions) => {
        if (options.check) return checkAgainstDisk(context, options.cache);
        // --eval needs the loaded fleet itself, so it runs the pipeline (no run cache).
        const planned = await plannedFiles(context, options.eval ? context.loadFleet() : context.loadPlan({ reuse: options.cache }));
        const root = context.fleetRoot();
        const { stderr } = context.io;
        const onLockWait = (holder: LockHolder) => stderr.write(waitingLine(holder));
        const memo = planned.hashes?.memo;
        // Files about to be created are noted first: if the run is cut off before git has them, the
        // next command adds them. Noted, added and cleared under the fleet's lock (see
        // git/pending-tracking.ts), so a run waiting for the lock cannot touch this run's note.
        let noted: readonly string[] = [];
        let tracked: readonly string[] = [];
        const beforeCreating = async (paths: readonly string[]) => {
          noted = notePendingTracking(root, paths);
        };
        // Only files this run created (and a killed run's, noted) can be new to git: one found in
        // place was created, and added, by an earlier run (or is reported by --check). So an
        // up-to-date run spawns no git.
        const afterApplying = async () => {
          if (noted.length > 0) tracked = await addNotedFiles(root, noted);
        };
        const result = await writePlan(root, planned.plan, { force: Boolean(options.force), onLockWait, beforeCreating, afterApplying, ...(memo && { memo }) });
        if (planned.hashes) await writeHashMemo(planned.hashes);
        await reportAfter(context, planned, result);
        stderr.write(formatWriteReport(result, { color: context.color(stderr) }));
        const written = writeExitCode(result);
        context.setExitCode(written);
        stderr.write(tracked.map((line) => `${line}\n`).join(""));
        if (written !== ExitCode.Ok) return;
        if (!options.eval) return;
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
