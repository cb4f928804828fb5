/**
 * The pipeline behind the run cache: when nothing a run depends on has changed since the last run
 * without errors, that run's plan and diagnostics are taken from its record instead of loading,
 * validating, lowering and printing the fleet again. The record is read here, at the edge, and
 * handed on as data; the pipeline itself stays a pure function of the fleet on disk.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateDiagnostics, sortDiagnostics } from "../diagnostics/locate.ts";
import type { FilePlan } from "../emit/plan.ts";
import type { Fleet } from "../model/fleet.ts";
import { outerInputs, runFingerprint, stillCurrent } from "./fingerprint.ts";
import { nearestCacheFolder } from "./folder.ts";
import { readRecord, recordFile, writeRecord } from "./run-store.ts";

/** A run's outcome: the plan (only when no error), every diagnostic, the fleet when it was loaded. */
export interface PlannedRun {
  readonly plan?: FilePlan;
  readonly diagnostics: readonly Diagnostic[];
  /** The validated fleet; absent when the run came from the cache (nothing was loaded). */
  readonly fleet?: Fleet;
}

/** How to use the cache. */
export interface CacheOptions {
  /** Reuse the last run when it is still current (`--no-cache`: false). The run is recorded either way. */
  readonly reuse: boolean;
}

/**
 * The plan and diagnostics of the fleet at `root` (absolute): from the last run's record when
 * every input it read is unchanged, else from the pipeline, recording the run when it has no
 * error. Without a `node_modules` folder above the fleet there is nowhere to keep a record.
 */
export const plannedRun = async (root: string, options: CacheOptions): Promise<PlannedRun> => {
  const folder = nearestCacheFolder(root);
  // The pipeline (zod, lowering, the printer) is loaded only when it has to run.
  const pipeline = async () => (await import("../pipeline.ts")).runPipeline(root);
  if (folder === undefined) return pipeline();
  const file = recordFile(folder, root);
  const [outer, previous] = await Promise.all([outerInputs(root), options.reuse ? readRecord(file) : undefined]);
  if (previous && (await stillCurrent(root, previous.fingerprint, outer))) return { plan: previous.plan, diagnostics: previous.diagnostics };
  const result = await pipeline();
  if (!result.plan || !result.read) return result;
  // Located now, while the files are the ones that were read: a replay shows the same file:line:col.
  const diagnostics = sortDiagnostics(await locateDiagnostics(result.diagnostics, root));
  await writeRecord(file, { fingerprint: runFingerprint(outer, result.read), diagnostics, plan: result.plan });
  return { ...result, diagnostics };
};
