/** `typeflake generate`: put the plan on disk as one transaction, never losing anyone's file or edit. */
import type { HashMemo } from "../hash-memo.ts";
import type { KeptFile } from "./actions.ts";
import { applyActions } from "./apply.ts";
import { decide } from "./decide.ts";
import { folderListings } from "./listings.ts";
import { acquireLock, type LockHolder } from "./lock.ts";
import type { FilePlan } from "./plan.ts";
import { type EmitProblem, problems } from "./problems.ts";
import { type Recovery, recoverLocked } from "./recover.ts";

/** Options of `writePlan`. */
export interface WriteOptions {
  /**
   * Overwrite planned paths holding files without typeflake's header, or generated files edited
   * since typeflake wrote them (`--force`). Default false.
   */
  readonly force?: boolean;
  /** How long to wait for another run holding the fleet's lock; default `TYPEFLAKE_LOCK_TIMEOUT` or 20 s. */
  readonly lockTimeoutMs?: number;
  /** Told once when the run starts waiting for another run's lock. */
  readonly onLockWait?: (holder: LockHolder) => void;
  /** Hashes known by stat: a planned file they show holds the planned bytes is not read (see `hash-memo.ts`). */
  readonly memo?: HashMemo;
  /**
   * Told the files the run will create (relative, sorted) just before it changes anything, when
   * there are some: a failure here leaves the disk as it was and fails the run.
   */
  readonly beforeCreating?: (paths: readonly string[]) => Promise<void>;
  /**
   * Told what the run did, once the transaction is applied (or rolled back), while the run still
   * holds the fleet's lock: work that must follow the write before another run may write (adding
   * the created files to git, clearing the note of them). A failure here is reported in `failed`;
   * the files stay written.
   */
  readonly afterApplying?: (result: WriteResult) => Promise<void>;
}

/** What `writePlan` did; all path lists are relative to the root and sorted. */
export interface WriteResult {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  /** Already current; not rewritten, so their mtimes are untouched. */
  readonly unchanged: readonly string[];
  /** Stale generated files deleted because they were still exactly as generated, and orphaned ones. */
  readonly removed: readonly string[];
  /** Stale generated files left in place because they were edited; no longer tracked. */
  readonly keptModified: readonly KeptFile[];
  /** Why nothing was written: hand-written or edited files in the way, a malformed plan, … */
  readonly refused: readonly EmitProblem[];
  /** Why nothing was written: the fleet is locked, the file system failed (everything was rolled back). */
  readonly failed: readonly EmitProblem[];
  /** What was done first to finish an earlier, interrupted run. */
  readonly recovery?: Recovery;
}

const NOTHING = { created: [], updated: [], unchanged: [], removed: [], keptModified: [], refused: [], failed: [] } as const;

/**
 * Write `plan` under `root`: create and update what differs, delete stale and orphaned generated
 * files that are unmodified, and record the result in the manifest, all as one transaction under
 * the fleet's lock. If anything is refused, nothing at all is written. I/O errors come back in
 * `failed`, never as exceptions.
 */
export async function writePlan(root: string, plan: FilePlan, options: WriteOptions = {}): Promise<WriteResult> {
  let lock;
  try {
    const { lockTimeoutMs: timeoutMs, onLockWait: onWait } = options;
    lock = await acquireLock(root, { ...(timeoutMs !== undefined && { timeoutMs }), ...(onWait && { onWait }) });
  } catch (cause) {
    return { ...NOTHING, failed: [problems.io(".", "locked for writing", cause)] };
  }
  if (!lock.ok) return { ...NOTHING, failed: [problems.fleetLocked(lock.holder, lock.waitedMs)] };
  try {
    const listings = folderListings(root);
    const recovered = await recoverLocked(root, listings);
    if (!recovered.ok) return { ...NOTHING, failed: [recovered.problem] };
    // Reported only when there was something to recover, so an ordinary run's result stays plain.
    const { recovery: done } = recovered;
    const recovery = done.outcome === "none" && done.temporaries.length === 0 ? undefined : done;
    // Recovery's listings, unless it changed the disk (then they are stale: list again).
    const decision = await decide(root, plan, { force: options.force ?? false }, recovery ? folderListings(root) : listings, options.memo);
    const reported = recovery && { recovery };
    if (!decision.ok) return { ...NOTHING, refused: decision.refused, failed: decision.failed, ...reported };
    const { actions } = decision;
    if (actions.refused.length > 0) return { ...NOTHING, refused: actions.refused, ...reported };
    const creating = actions.writes.filter((write) => write.before === undefined).map((write) => write.path);
    if (creating.length > 0 && options.beforeCreating) {
      const unprepared = await options.beforeCreating(creating).then(
        () => undefined,
        (cause: unknown) => problems.io(".", "prepared for writing", cause),
      );
      if (unprepared) return { ...NOTHING, failed: [unprepared], ...reported };
    }
    const applied = await applyActions(root, actions);
    const result = { ...applied, unchanged: actions.unchanged, keptModified: actions.keptModified, refused: [], ...reported };
    if (!options.afterApplying) return result;
    const unfinished = await options.afterApplying(result).then(
      () => undefined,
      (cause: unknown) => problems.io(".", "finished after writing", cause),
    );
    return unfinished ? { ...result, failed: [...result.failed, unfinished] } : result;
  } finally {
    await lock.lock.release().catch(() => undefined);
  }
}
