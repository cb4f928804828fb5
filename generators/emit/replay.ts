/**
 * Carrying a journal forward or back. Every step looks at the disk first and does only what is
 * still missing, so completing or undoing can itself be cut off and simply run again.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { absoluteIn, pruneEmptyDirectories } from "./atomic.ts";
import { makeDirectory, removeDirectory, removeFile, renameFile, syncDirectory } from "./file-ops.ts";
import { mapConcurrently } from "../concurrency.ts";
import { BACKUP_DIRECTORY, JOURNAL_PATH, type Journal, type Step, TRANSACTION_DIRECTORY } from "./journal.ts";
import { contentHash, MANIFEST_PATH } from "./manifest.ts";

/** A step that failed, with the file it concerned and the operation, for the problem report. */
export class StepFailure extends Error {
  constructor(
    readonly path: string,
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${path} could not be ${operation}`);
  }
}

/** Whether every new content is either in place or still staged, so the journal can be completed. */
export async function canRollForward(root: string, journal: Journal): Promise<boolean> {
  for (const step of journal.steps) {
    if (step.after === null || step.temp === undefined) continue;
    if ((await hashAt(root, step.path)) !== step.after && !(await exists(root, step.temp))) return false;
  }
  return true;
}

/** New contents renamed into place at once: one by one, 1,005 new files took about 0.15 s. */
const RENAME_CONCURRENCY = 16;

/**
 * How many of the journal's steps, from the first, are new contents (`applyActions` lists them
 * first): each rename is independent of the others, so they may run at once. Deletions follow one
 * by one (each prunes the folders it empties), and the manifest, the last step, changes last.
 */
const leadingWrites = (steps: readonly Step[]): number => {
  const end = steps.findIndex((step) => step.after === null || step.path === MANIFEST_PATH);
  return end === -1 ? steps.length : end;
};

/**
 * Apply the journal's steps: the transaction's new state. `fresh`: no step has been applied yet
 * (the run that staged them), so the disk need not be read to find where to resume.
 */
export async function rollForward(root: string, journal: Journal, fresh = false): Promise<void> {
  const touched = new Set<string>();
  const apply = async (step: Step): Promise<void> => {
    const now = fresh ? step.before ?? undefined : await hashAt(root, step.path);
    const target = absoluteIn(root, step.path);
    if (step.after === null) {
      // Deleted only while exactly as decided: anything else there now is not typeflake's to remove.
      await run(step.path, "deleted", async () => {
        if (now !== undefined && now === step.before) await removeFile(target);
        await pruneEmptyDirectories(root, dirname(target));
      });
    } else if (now !== step.after) {
      await run(step.path, "written", () => renameFile(absoluteIn(root, step.temp!), target));
    }
    touched.add(dirname(target));
  };
  const writes = leadingWrites(journal.steps);
  // The first failure, thrown once no rename is under way any more: undoing must not race one.
  let failure: { cause: unknown } | undefined;
  const tryApply = (step: Step) => apply(step).catch((cause: unknown) => void (failure ??= { cause }));
  await mapConcurrently(journal.steps.slice(0, writes), RENAME_CONCURRENCY, tryApply, () => failure !== undefined);
  if (failure) throw failure.cause;
  for (const step of journal.steps.slice(writes)) await apply(step);
  await Promise.all([...touched].map(syncDirectory));
}

/** Undo the journal's steps in reverse order: the state before the transaction, temporaries removed. */
export async function rollBack(root: string, journal: Journal): Promise<void> {
  const touched = new Set<string>();
  for (const step of [...journal.steps].reverse()) {
    const now = await hashAt(root, step.path);
    const target = absoluteIn(root, step.path);
    if (step.before === null) {
      if (now !== undefined && now === step.after) await run(step.path, "removed again", () => removeFile(target));
    } else if (now !== step.before) {
      const backup = absoluteIn(root, `${BACKUP_DIRECTORY}/${step.backup}`);
      await run(step.path, "restored", async () => {
        // A deletion may have taken the folder with it.
        await makeDirectory(dirname(target));
        await renameFile(backup, target);
      });
    }
    if (step.temp !== undefined && (await exists(root, step.temp))) await run(step.temp, "deleted", () => removeFile(absoluteIn(root, step.temp!)));
    touched.add(dirname(target));
  }
  for (const directory of journal.directories) await removeDirectory(absoluteIn(root, directory)).catch(() => undefined);
  await Promise.all([...touched].map(syncDirectory));
}

/** Remove the transaction's folder (backups, journal): the transaction is over, either way. */
export async function closeTransaction(root: string): Promise<void> {
  if (!(await exists(root, TRANSACTION_DIRECTORY))) return;
  const backups = absoluteIn(root, BACKUP_DIRECTORY);
  for (const name of await readdir(backups).catch(() => [])) await removeFile(`${backups}/${name}`);
  for (const name of await readdir(absoluteIn(root, TRANSACTION_DIRECTORY)).catch(() => [])) {
    if (name !== "backup" && name !== "journal.json") await removeFile(absoluteIn(root, `${TRANSACTION_DIRECTORY}/${name}`));
  }
  await removeDirectory(backups).catch(ignoreMissing);
  // The journal goes last: while it exists, a cut-off cleanup is finished by the next command.
  await removeFile(absoluteIn(root, JOURNAL_PATH)).catch(ignoreMissing);
  await removeDirectory(absoluteIn(root, TRANSACTION_DIRECTORY)).catch(ignoreMissing);
  await syncDirectory(dirname(absoluteIn(root, TRANSACTION_DIRECTORY)));
}

/** Hex SHA-256 of the regular file at `path`, `undefined` when nothing (or no regular file) is there. */
async function hashAt(root: string, path: string): Promise<string | undefined> {
  const absolute = absoluteIn(root, path);
  const stats = await lstat(absolute).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  return contentHash(await readFile(absolute));
}

const exists = (root: string, path: string): Promise<boolean> =>
  lstat(absoluteIn(root, path)).then(
    () => true,
    () => false,
  );

async function run(path: string, operation: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (cause) {
    throw new StepFailure(path, operation, cause);
  }
}

function ignoreMissing(cause: unknown): void {
  if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
}
