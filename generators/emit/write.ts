/** `typeflake generate`: put the plan on disk, all or nothing, never losing a hand-written file. */
import type { KeptFile } from "./actions.ts";
import { applyActions } from "./apply.ts";
import { decide } from "./decide.ts";
import type { FilePlan } from "./plan.ts";
import type { EmitProblem } from "./problems.ts";

/** Options of `writePlan`. */
export interface WriteOptions {
  /** Overwrite planned paths holding files without typeflake's header (`--force`). Default false. */
  readonly force?: boolean;
}

/** What `writePlan` did; all path lists are relative to the root and sorted. */
export interface WriteResult {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  /** Already current; not rewritten, so their mtimes are untouched. */
  readonly unchanged: readonly string[];
  /** Stale generated files deleted because they were still exactly as generated. */
  readonly removed: readonly string[];
  /** Stale generated files left in place because they were edited; no longer tracked. */
  readonly keptModified: readonly KeptFile[];
  /** Why nothing was written: hand-written files in the way, a malformed plan, … */
  readonly refused: readonly EmitProblem[];
  /** A file system failure; staged changes were rolled back where that was still possible. */
  readonly failed: readonly EmitProblem[];
}

const NOTHING = { created: [], updated: [], unchanged: [], removed: [], keptModified: [], refused: [], failed: [] } as const;

/**
 * Write `plan` under `root`: create and update what differs, delete stale generated files that
 * are unmodified, and record the result in the manifest. If anything is refused, nothing at all
 * is written. I/O errors come back in `failed`, never as exceptions.
 */
export async function writePlan(root: string, plan: FilePlan, options: WriteOptions = {}): Promise<WriteResult> {
  const decision = await decide(root, plan, { force: options.force ?? false });
  if (!decision.ok) return { ...NOTHING, refused: decision.refused, failed: decision.failed };
  const { actions } = decision;
  if (actions.refused.length > 0) return { ...NOTHING, refused: actions.refused };
  const applied = await applyActions(root, actions);
  return { ...applied, unchanged: actions.unchanged, keptModified: actions.keptModified, refused: [] };
}
