/**
 * Validate, read, decide: the part `writePlan` and `checkPlan` share, so both see the same
 * disk the same way and `--check` cannot disagree with `generate`.
 */
import type { HashMemo } from "../hash-memo.ts";
import { type Actions, type DecideOptions, pathsToRead, planActions, previousManifest } from "./actions.ts";
import { type DiskState, readDisk, textOf } from "./disk.ts";
import { lastWritten } from "./last-written.ts";
import { findUnrecordedFiles } from "./leftovers.ts";
import type { Listings } from "./listings.ts";
import { type Manifest, MANIFEST_PATH, manifestOf } from "./manifest.ts";
import { gitPatch } from "./patch.ts";
import type { FilePlan } from "./plan.ts";
import { type EmitProblem, problems } from "./problems.ts";
import { validatePlan } from "./validate-plan.ts";

/** The actions for `plan` under `root`, or why they could not be decided. */
export type Decision =
  | { readonly ok: true; readonly actions: Actions }
  /** `refused`: the plan itself is malformed; `failed`: the disk could not be read. */
  | { readonly ok: false; readonly refused: EmitProblem[]; readonly failed: EmitProblem[] };

/**
 * Read the disk under `root` (nothing is written) and decide what writing `plan` would do.
 * `listings` lists the folders under `root` (`folderListings`), once for the reads of planned,
 * recorded and unrecorded files alike; a caller may go on using them while nothing has changed.
 * With `memo`, planned files whose stat shows they hold the planned bytes are not read.
 */
export async function decide(root: string, plan: FilePlan, options: DecideOptions, listings: Listings, memo?: HashMemo): Promise<Decision> {
  const invalid = validatePlan(plan);
  if (invalid.length > 0) return { ok: false, refused: invalid, failed: [] };
  const manifestRead = readDisk(root, [MANIFEST_PATH], listings);
  if (!manifestRead.ok) return { ok: false, refused: [], failed: [manifestRead.problem] };
  const manifestEntry = manifestRead.disk.get(MANIFEST_PATH)!;
  const previous = previousManifest(manifestEntry, options);
  // Each planned text is hashed once: to spare reading files, to compare, and for the next manifest.
  const nextFiles = manifestOf(plan);
  const rest = readDisk(root, pathsToRead(plan, previous), listings, memo && { memo, planned: nextFiles });
  if (!rest.ok) return { ok: false, refused: [], failed: [rest.problem] };
  const disk = new Map([...rest.disk, [MANIFEST_PATH, manifestEntry]]);
  const unrecorded = readUnrecorded(root, new Set(rest.disk.keys()), listings);
  if (!unrecorded.ok) return { ok: false, refused: [], failed: [unrecorded.problem] };
  const actions = planActions(plan, disk, options, unrecorded.disk, nextFiles, previous);
  return { ok: true, actions: { ...actions, refused: await Promise.all(actions.refused.map((p) => withExactEdit(root, p, disk, previous.manifest))) } };
}

/**
 * An edited file's diff, redone from the file as typeflake wrote it when git still has that
 * content (its hash is the `manifest`'s), so it shows the user's edit alone.
 */
async function withExactEdit(root: string, problem: EmitProblem, disk: DiskState, manifest: Manifest): Promise<EmitProblem> {
  if (problem.code !== "edited-file") return problem;
  const current = disk.get(problem.path);
  const recorded = manifest.get(problem.path);
  if (!recorded || current?.kind !== "file") return problem;
  const written = await lastWritten(root, problem.path, recorded.sha256);
  if (written === undefined) return problem;
  return problems.editedFile(problem.path, recorded.source, gitPatch(problem.path, written, textOf(current)), "as written");
}

/** Files beside generated ones that neither the plan nor the manifest names, read. */
function readUnrecorded(root: string, known: ReadonlySet<string>, listings: Listings) {
  try {
    return readDisk(root, findUnrecordedFiles(known, listings), listings);
  } catch (cause) {
    return { ok: false as const, problem: problems.io(".", "searched for leftover generated files", cause) };
  }
}
