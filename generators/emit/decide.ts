/**
 * Validate, read, decide: the part `writePlan` and `checkPlan` share, so both see the same
 * disk the same way and `--check` cannot disagree with `generate`.
 */
import { type Actions, type DecideOptions, pathsToRead, planActions } from "./actions.ts";
import { readDisk } from "./disk.ts";
import { findUnrecordedFiles } from "./leftovers.ts";
import { MANIFEST_PATH } from "./manifest.ts";
import type { FilePlan } from "./plan.ts";
import { type EmitProblem, problems } from "./problems.ts";
import { validatePlan } from "./validate-plan.ts";

/** The actions for `plan` under `root`, or why they could not be decided. */
export type Decision =
  | { readonly ok: true; readonly actions: Actions }
  /** `refused`: the plan itself is malformed; `failed`: the disk could not be read. */
  | { readonly ok: false; readonly refused: EmitProblem[]; readonly failed: EmitProblem[] };

/** Read the disk under `root` (nothing is written) and decide what writing `plan` would do. */
export async function decide(root: string, plan: FilePlan, options: DecideOptions): Promise<Decision> {
  const invalid = validatePlan(plan);
  if (invalid.length > 0) return { ok: false, refused: invalid, failed: [] };
  const manifestRead = await readDisk(root, [MANIFEST_PATH]);
  if (!manifestRead.ok) return { ok: false, refused: [], failed: [manifestRead.problem] };
  const manifestEntry = manifestRead.disk.get(MANIFEST_PATH)!;
  const rest = await readDisk(root, pathsToRead(plan, manifestEntry));
  if (!rest.ok) return { ok: false, refused: [], failed: [rest.problem] };
  const disk = new Map([...rest.disk, [MANIFEST_PATH, manifestEntry]]);
  const unrecorded = await readUnrecorded(root, new Set(rest.disk.keys()));
  if (!unrecorded.ok) return { ok: false, refused: [], failed: [unrecorded.problem] };
  return { ok: true, actions: planActions(plan, disk, options, unrecorded.disk) };
}

/** Files beside generated ones that neither the plan nor the manifest names, read. */
async function readUnrecorded(root: string, known: ReadonlySet<string>) {
  try {
    return await readDisk(root, await findUnrecordedFiles(root, known));
  } catch (cause) {
    return { ok: false as const, problem: problems.io(".", "searched for leftover generated files", cause) };
  }
}
