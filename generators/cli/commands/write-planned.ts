/**
 * Making and writing `generate`'s plan, shared by a single run and by each run of a watch: the
 * plan's warnings shown, the files written, the report and exit code.
 */
import { writeHashMemo } from "../../cache/hash-memo-store.ts";
import type { CommandContext, PlannedFiles } from "../../command/command-context.ts";
import type { ExitCode } from "../../command/exit-code.ts";
import { writeExitCode } from "../../emit/exit-code.ts";
import type { EmitProblem } from "../../emit/problems.ts";
import { formatWriteReport } from "../../emit/report.ts";
import { type LockHolder, waitingLine } from "../../emit/lock.ts";
import { writePlan } from "../../emit/write.ts";
import { notePendingTracking } from "../../git/pending-tracking.ts";
import { addNotedFiles } from "../../git/track-pending.ts";

/**
 * The plan being made (`loadPlan`, through the run cache, or `loadFleet`; an invalid fleet ends the
 * run in exit code 1), its warnings shown as text; as JSON they wait for `reportAfter`, which adds
 * why the files were not written or compared to the same array.
 */
export const plannedFiles = async (context: CommandContext, planned: Promise<PlannedFiles>): Promise<PlannedFiles> => {
  const files = await planned;
  if (!context.json) await context.reportDiagnostics(files.diagnostics);
  return files;
};

/** With `--json`, the plan's warnings and the write or check stage's refusals, as one array. */
export const reportAfter = async (context: CommandContext, planned: PlannedFiles, result: { readonly refused: readonly EmitProblem[]; readonly failed: readonly EmitProblem[] }) => {
  if (context.json) await context.reportDiagnostics(planned.diagnostics, [...result.refused, ...result.failed]);
};

/**
 * Write a plan (`generate`): its files, the hash memo, the report and exit code, and git's
 * intent-to-add of the files it created. Returns the exit code it recorded.
 */
export const writePlanned = async (context: CommandContext, planned: PlannedFiles, options: { readonly force?: boolean }): Promise<ExitCode> => {
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
  return written;
};

