/**
 * Carry out decided actions as one transaction (the protocol is in docs/writes.md):
 *
 * 1. Journal (`staging`): every step, its temporary file and backup name, before anything exists.
 * 2. Stage: new contents to flushed temporary files beside their targets (keeping the replaced
 *    file's mode); a hard-link backup of every file to be replaced or deleted, which also proves
 *    each one replaceable (an immutable file refuses the link). Any failure: roll back, nothing
 *    visible changed.
 * 3. Commit: the journal becomes `applying`, flushed. From here the transaction is complete as
 *    far as recovery is concerned.
 * 4. Apply: renames, deletions, the manifest last. A failure rolls everything back from backups.
 * 5. Close: backups and journal removed.
 */
import { mapConcurrently } from "../concurrency.ts";
import type { Actions } from "./actions.ts";
import { absoluteIn, tempPathFor } from "./atomic.ts";
import { createFile, keepCopy, makeDirectory, syncDirectory } from "./file-ops.ts";
import { BACKUP_DIRECTORY, type Journal, type Step, writeJournal } from "./journal.ts";
import { contentHash, MANIFEST_PATH } from "./manifest.ts";
import { ancestorDirectories } from "./paths.ts";
import { type EmitProblem, problems } from "./problems.ts";
import { closeTransaction, rollBack, rollForward, StepFailure } from "./replay.ts";
import { lstatOf } from "../stat-of.ts";

/** Temporary files written and flushed at once while staging. */
const STAGING_CONCURRENCY = 16;

/** What a run changed on disk. */
export interface Applied {
  /** Files that did not exist before, sorted by path. */
  readonly created: string[];
  /** Files whose content was replaced, sorted by path. */
  readonly updated: string[];
  /** Stale and orphaned generated files deleted, sorted by path. */
  readonly removed: string[];
  /** Why the transaction did not happen; when not empty, nothing above was changed. */
  readonly failed: EmitProblem[];
}

/** Apply `actions` (which must have no refusals) under `root` as one transaction. Never throws for I/O errors. */
export async function applyActions(root: string, actions: Actions): Promise<Applied> {
  const contents = [
    ...actions.writes.map((write) => ({ path: write.path, text: write.text, before: write.before })),
    ...(actions.manifest.changed ? [{ path: MANIFEST_PATH, text: actions.manifest.text, before: actions.manifest.before }] : []),
  ];
  const steps: Step[] = [];
  const modes = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const content of contents) {
    if (content.before) modes.set(content.path, content.before.mode);
    texts.set(content.path, content.text);
  }
  for (const content of contents.filter((c) => c.path !== MANIFEST_PATH)) steps.push(writeStep(content, steps.length));
  for (const removal of actions.removals) steps.push({ path: removal.path, before: removal.sha256, after: null, backup: String(steps.length) });
  // The manifest changes last, so until then it still lists every file a cut-off run touched.
  const manifest = contents.find((c) => c.path === MANIFEST_PATH);
  if (manifest) steps.push(writeStep(manifest, steps.length));
  if (steps.length === 0) return { created: [], updated: [], removed: [], failed: [] };

  let journal: Journal = {
    version: 1,
    state: "staging",
    pid: process.pid,
    startedAt: new Date().toISOString(),
    directories: missingDirectories(root, steps),
    steps,
  };
  try {
    await makeDirectory(absoluteIn(root, BACKUP_DIRECTORY));
    await writeJournal(root, journal);
  } catch (cause) {
    await closeTransaction(root).catch(() => undefined);
    return failedWith(problems.io(BACKUP_DIRECTORY, "written", cause));
  }

  const staged = await stage(root, journal, texts, modes);
  if (staged) return undo(root, journal, staged);

  try {
    journal = { ...journal, state: "applying" };
    await writeJournal(root, journal);
    await rollForward(root, journal, true);
  } catch (cause) {
    return undo(root, journal, asProblem(cause));
  }
  await closeTransaction(root).catch(() => undefined);
  const written = (step: Step) => step.path !== MANIFEST_PATH && step.after !== null;
  return {
    created: steps.filter((s) => written(s) && s.before === null).map((s) => s.path),
    updated: steps.filter((s) => written(s) && s.before !== null).map((s) => s.path),
    removed: actions.removals.map((removal) => removal.path),
    failed: [],
  };
}

function writeStep(content: { path: string; text: string; before?: { sha256: string } | undefined }, index: number): Step {
  return {
    path: content.path,
    before: content.before?.sha256 ?? null,
    after: contentHash(content.text),
    temp: tempPathFor(content.path),
    ...(content.before && { backup: String(index) }),
  };
}

/** Stage every step; the first problem, or `undefined` when all is staged and flushed. */
async function stage(root: string, journal: Journal, texts: ReadonlyMap<string, string>, modes: ReadonlyMap<string, number>) {
  const { steps, directories } = journal;
  let failure: EmitProblem | undefined;
  for (const directory of directories) {
    try {
      await makeDirectory(absoluteIn(root, directory));
    } catch (cause) {
      return problems.io(directory, "created", cause);
    }
  }
  const one = async (step: Step): Promise<void> => {
    try {
      if (step.temp !== undefined) await createFile(absoluteIn(root, step.temp), texts.get(step.path)!, modes.get(step.path));
    } catch (cause) {
      failure ??= problems.io(step.path, "written", cause);
      return;
    }
    try {
      if (step.backup !== undefined) await keepCopy(absoluteIn(root, step.path), absoluteIn(root, `${BACKUP_DIRECTORY}/${step.backup}`));
    } catch (cause) {
      failure ??= problems.unreplaceable(step.path, cause);
    }
  };
  // Flushing many temporary files at once lets the disk work in parallel.
  await mapConcurrently(steps, STAGING_CONCURRENCY, one, () => failure !== undefined);
  if (failure) return failure;
  // The backups must outlive a power cut: undoing the commit needs them. The folders of the
  // temporary files are not flushed (one per host: 1,000 fsyncs, 0.07–0.1 s of a 1,000-host
  // first run): a temporary file lost with its folder's entry only makes recovery undo the
  // transaction instead of completing it (`canRollForward`), which the backups allow.
  await syncDirectory(absoluteIn(root, BACKUP_DIRECTORY));
  return undefined;
}

/** Roll the transaction back after `problem`; if even that fails, the journal stays for the next command. */
async function undo(root: string, journal: Journal, problem: EmitProblem): Promise<Applied> {
  try {
    await rollBack(root, journal);
    await closeTransaction(root);
    return failedWith(problem);
  } catch (cause) {
    return failedWith(problem, problems.rollbackFailed(asProblem(cause)));
  }
}

/**
 * Directories a new file needs that do not exist yet, deepest first. Looked up synchronously: a
 * fleet's first run needs a thousand host folders, which awaited one by one took 30–40 ms.
 */
function missingDirectories(root: string, steps: readonly Step[]): string[] {
  const needed = new Set(steps.filter((step) => step.before === null && step.after !== null).flatMap((step) => ancestorDirectories(step.path)));
  // An unreadable place counts as nothing there.
  const missing = [...needed].filter((directory) => lstatOf(absoluteIn(root, directory)) === undefined);
  return missing.sort((a, b) => b.length - a.length);
}

function asProblem(cause: unknown): EmitProblem {
  if (cause instanceof StepFailure) return problems.io(cause.path, cause.operation, cause.cause);
  return problems.io(".", "changed", cause);
}

const failedWith = (...failed: EmitProblem[]): Applied => ({ created: [], updated: [], removed: [], failed });
