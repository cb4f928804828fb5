/**
 * Before anything else, every typeflake command finishes what a cut-off `generate` left: it
 * completes the transaction when everything was staged, rolls it back otherwise, says which, and
 * removes typeflake's temporary files. This needs the fleet's lock; when there is nothing to
 * recover, nothing is locked or written, so read-only commands stay read-only.
 */
import { readdir } from "node:fs/promises";
import { basename } from "node:path";
import { absoluteIn, isTempName } from "./atomic.ts";
import { removeFile } from "./file-ops.ts";
import { readJournal, TRANSACTION_DIRECTORY } from "./journal.ts";
import { findTemporaryFiles } from "./leftovers.ts";
import { folderListings, type Listings } from "./listings.ts";
import { acquireLock, LOCK_PATH, liveHolder, type LockOptions } from "./lock.ts";
import { STATE_DIRECTORY } from "./paths.ts";
import { type EmitProblem, problems } from "./problems.ts";
import { canRollForward, closeTransaction, rollBack, rollForward, StepFailure } from "./replay.ts";

/** What recovery did. */
export interface Recovery {
  /** `completed` or `rolled-back`: an unfinished transaction was found; `none`: there was none. */
  readonly outcome: "none" | "completed" | "rolled-back";
  /** The interrupted run, when there was one. */
  readonly interrupted?: { readonly pid: number; readonly startedAt: string };
  /** Files the recovery changed, relative to the root and sorted. */
  readonly paths: readonly string[];
  /** Temporary files removed, relative to the root and sorted. */
  readonly temporaries: readonly string[];
}

/** Recovery's outcome: what it did, or why it could not. */
export type RecoveryResult = { readonly ok: true; readonly recovery: Recovery } | { readonly ok: false; readonly problem: EmitProblem };

const NOTHING: Recovery = { outcome: "none", paths: [], temporaries: [] };

/**
 * Recover the fleet at `root` if a write was cut off: call this first in every command. Takes
 * the lock only when there is something to recover (waiting for a live writer to finish).
 */
export async function recoverUnfinishedWrite(root: string, options: LockOptions = {}): Promise<RecoveryResult> {
  try {
    // Only `.typeflake/` is looked at here: a run makes its temporary files after its journal,
    // except the lock's own, which is made beside the lock.
    const state = await readdir(absoluteIn(root, STATE_DIRECTORY)).catch((): string[] => []);
    const unfinished = state.includes(basename(TRANSACTION_DIRECTORY)) || state.some(isTempName);
    const locked = state.includes(basename(LOCK_PATH));
    if (!unfinished && (!locked || (await liveHolder(root)) !== undefined)) return { ok: true, recovery: NOTHING };
    const lock = await acquireLock(root, options);
    if (!lock.ok) return { ok: false, problem: problems.fleetLocked(lock.holder, lock.waitedMs) };
    const result = await recoverLocked(root);
    await lock.lock.release();
    return result;
  } catch (cause) {
    return { ok: false, problem: asProblem(cause) };
  }
}

/**
 * Recover while holding the lock: finish or undo the journal, then sweep temporary files, found
 * through `listings` (`folderListings(root)`, listed lazily, so only after the journal is done
 * with). They describe the disk afterwards as long as nothing was recovered and no temporary file
 * removed, so `writePlan` decides with them instead of listing every folder a second time.
 */
export async function recoverLocked(root: string, listings: Listings = folderListings(root)): Promise<RecoveryResult> {
  try {
    const read = await readJournal(root);
    if (read.kind === "unreadable") return { ok: false, problem: problems.unreadableJournal(read.reason) };
    let recovery: Recovery = NOTHING;
    if (read.kind === "ok") {
      const { journal } = read;
      const forward = journal.state === "applying" && (await canRollForward(root, journal));
      await (forward ? rollForward(root, journal) : rollBack(root, journal));
      const paths = journal.steps.map((step) => step.path).sort();
      const interrupted = { pid: journal.pid, startedAt: journal.startedAt };
      recovery = { outcome: forward ? "completed" : "rolled-back", interrupted, paths, temporaries: [] };
    }
    await closeTransaction(root);
    const temporaries = findTemporaryFiles(listings);
    for (const temp of temporaries) await removeFile(absoluteIn(root, temp)).catch(() => undefined);
    return { ok: true, recovery: { ...recovery, temporaries } };
  } catch (cause) {
    return { ok: false, problem: asProblem(cause) };
  }
}

function asProblem(cause: unknown): EmitProblem {
  if (cause instanceof StepFailure) return problems.rollbackFailed(problems.io(cause.path, cause.operation, cause.cause));
  return problems.io(".", "recovered", cause);
}
