/**
 * The pipeline behind the run cache: when nothing a run depends on has changed since the last run
 * without errors, that run's plan and diagnostics are taken from its record instead of loading,
 * validating, lowering and printing the fleet again. When something changed, the pipeline runs,
 * but a Nix file whose AST is unchanged takes its text from the record instead of being printed
 * again (the print memo: one host changed, one host printed), and a warning in a file whose bytes
 * are unchanged keeps its recorded position without loading the parser that finds positions (see
 * `known-positions.ts`). The record is read here, at the edge, and handed to the pipeline as
 * data; so is the hash memo, which spares reading the files whose stat is unchanged, here and when
 * the plan is written or checked.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateDiagnostics, sortDiagnostics } from "../diagnostics/locate.ts";
import { knownPositions } from "../diagnostics/known-positions.ts";
import { contentHash } from "../emit/manifest.ts";
import type { FilePlan } from "../emit/plan.ts";
import { outerInputs, runFingerprint, stillCurrent, type RunFingerprint } from "./fingerprint.ts";
import { discoverDefinitions } from "../load/discover-definitions.ts";
import { nearestCacheFolder } from "./folder.ts";
import { HashMemo } from "../hash-memo.ts";
import { hashMemoFile, readHashMemo, type StoredHashMemo } from "./hash-memo-store.ts";
import { printMemoOf } from "./run-record.ts";
import { readRecord, recordFile, writeRecord } from "./run-store.ts";

/** A run's outcome: the plan (only when no error) and every diagnostic. */
export interface PlannedRun {
  readonly plan?: FilePlan;
  readonly diagnostics: readonly Diagnostic[];
  /** The hashes of files known by their stat, for writing or checking the plan, and the file that keeps them for the next run. */
  readonly hashes?: StoredHashMemo;
  /** What fleet code printed when the reused record was made (the fleet was not loaded this time), for the caller to show again. */
  readonly replayed?: string;
  /** Everything the plan depends on, when it was recorded or taken from the record: what `generate --watch` watches. */
  readonly fingerprint?: RunFingerprint;
}

/** How to use the cache. */
export interface CacheOptions {
  /** Reuse the last run when it is still current (`--no-cache`: false). The run is recorded either way. */
  readonly reuse: boolean;
  /**
   * The running typeflake's identity (`codeIdentity()`), taken once by a process that runs many
   * times (`generate --watch`): its records must name the code in memory, not the code an
   * `npm install` meanwhile put on disk. Taken per run when absent.
   */
  readonly code?: string;
}

/** The pipeline, loaded only when it has to run (zod, lowering, the printer). */
const runPipeline: typeof import("../pipeline.ts").runPipeline = async (...args) => (await import("../pipeline.ts")).runPipeline(...args);

/**
 * The plan and diagnostics of the fleet at `root` (absolute): from the last run's record when
 * every input it read is unchanged, else from the pipeline, recording the run when it has no
 * error. Without a `node_modules` folder above the fleet there is nowhere to keep a record.
 */
export const plannedRun = async (root: string, options: CacheOptions): Promise<PlannedRun> => {
  const folder = nearestCacheFolder(root);
  if (folder === undefined) return runPipeline(root);
  const file = recordFile(folder, root);
  const memoFile = hashMemoFile(folder, root);
  const discovery = await discoverDefinitions(root);
  const [outer, previous, memo] = await Promise.all([
    outerInputs(root, discovery, options.code),
    options.reuse ? readRecord(file) : undefined,
    options.reuse ? readHashMemo(memoFile) : new HashMemo(),
  ]);
  const hashes = { memo, file: memoFile };
  if (previous && (await stillCurrent(root, previous.fingerprint, outer, memo))) {
    return { plan: previous.plan, diagnostics: previous.diagnostics, hashes, fingerprint: previous.fingerprint, ...(previous.loadOutput !== "" && { replayed: previous.loadOutput }) };
  }
  // Printed texts and located positions are only the same for the same printer and locator.
  const sameCode = previous?.fingerprint.code === outer.code ? previous : undefined;
  const printMemo = sameCode ? printMemoOf(sameCode) : new Map();
  const locatedBefore = sameCode && { diagnostics: sameCode.diagnostics, files: sameCode.fingerprint.files };
  // Bundling starts before the pipeline is loaded, and goes on while it is.
  const { startLoad } = await import("../load/start-load.ts");
  const started = startLoad(root, discovery, Object.keys(previous?.fingerprint.files ?? {}));
  const result = await runPipeline(root, { printMemo, started, locatedBefore });
  if (!result.plan || !result.read) return { plan: result.plan, diagnostics: result.diagnostics, hashes };
  // Located now, while the files are the ones that were read: a replay shows the same file:line:col.
  const known = locatedBefore && knownPositions(locatedBefore, root, result.read.files);
  const diagnostics = sortDiagnostics(await locateDiagnostics(result.diagnostics, root, known));
  const printed = Object.fromEntries(result.printed ?? []);
  // Each text hashed once: the record keeps the hashes, and writing the plan compares with them.
  const plan = { files: result.plan.files.map((planned) => ({ ...planned, sha256: contentHash(planned.text) })) };
  const fingerprint = runFingerprint(outer, result.read);
  await writeRecord(file, { fingerprint, diagnostics, plan, printed, loadOutput: result.read.printed });
  return { plan, diagnostics, hashes, fingerprint };
};
