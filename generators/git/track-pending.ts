/**
 * The files a cut-off `generate` created and did not get to add to git (see `pending-tracking.ts`),
 * added under the fleet's lock: a `generate` running meanwhile notes, adds and clears its own
 * files under the same lock, so neither takes the other's note.
 */
import { acquireLock, type LockHolder } from "../emit/lock.ts";
import { clearPendingTracking, pendingTracking } from "./pending-tracking.ts";
import { trackGeneratedFiles } from "./track-generated.ts";

/** Add the noted files (`noted`: what the note lists) to git and clear the note; the lines to show. Under the fleet's lock. */
export const addNotedFiles = async (root: string, noted: readonly string[]): Promise<string[]> => {
  const lines = noted.length > 0 ? await trackGeneratedFiles(root, noted) : [];
  clearPendingTracking(root);
  return lines;
};

/**
 * Take the lock, then add the noted files and clear the note; the lines to show. None when the
 * fleet's lock could not be had: the note stays, for the run holding the lock (which adds to it)
 * or the next command.
 */
export const trackPendingFiles = async (root: string, onWait: (holder: LockHolder) => void): Promise<string[]> => {
  const lock = await acquireLock(root, { onWait }).catch(() => undefined);
  if (!lock?.ok) return [];
  try {
    // Read again under the lock: a run that held it meanwhile may have added the files and cleared it.
    const pending = pendingTracking(root);
    return pending === undefined ? [] : await addNotedFiles(root, pending);
  } finally {
    await lock.lock.release();
  }
};
