/**
 * Carry out decided actions in two phases. Stage: every new content goes to a flushed temporary
 * file beside its target; if any staging fails, the temporaries and any directories made for
 * them are removed and the tree is exactly as before. Commit: renames, then deletions of stale
 * files, then the manifest last, so an interrupted run leaves a manifest that still lists every
 * file a later run may need to clean up.
 */
import { rename, rmdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { mapConcurrently } from "../concurrency.ts";
import type { Actions } from "./actions.ts";
import { makeDirectories, pruneEmptyDirectories, syncDirectory, writeTemp } from "./atomic.ts";
import { MANIFEST_PATH } from "./manifest.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** Temporary files written and flushed at once while staging. */
const STAGING_CONCURRENCY = 16;

/** What a run changed on disk. */
export interface Applied {
  /** Files that did not exist before, sorted by path. */
  readonly created: string[];
  /** Files whose content was replaced, sorted by path. */
  readonly updated: string[];
  /** Stale generated files deleted, sorted by path. */
  readonly removed: string[];
  /** The failure that stopped the run, if any; what was done before it is listed above. */
  readonly failed: EmitProblem[];
}

interface Staged {
  readonly path: string;
  readonly absolute: string;
  readonly temp: string;
  readonly isNew: boolean;
}

/** Apply `actions` (which must have no refusals) under `root`. Never throws for I/O errors. */
export async function applyActions(root: string, actions: Actions): Promise<Applied> {
  const applied: Applied = { created: [], updated: [], removed: [], failed: [] };
  const stopped = (problem: EmitProblem): Applied => ({ ...applied, failed: [problem] });
  const contents = actions.writes.map(({ path, text, previous }) => ({ path, text, isNew: previous === undefined }));
  const manifestContent = { path: MANIFEST_PATH, text: actions.manifest.text, isNew: false };

  const newDirectories: string[] = [];
  let failure: EmitProblem | undefined;
  const stage = async ({ path, text, isNew }: (typeof contents)[number]): Promise<Staged | undefined> => {
    const absolute = join(root, path);
    let temp: string | undefined;
    const problem = await attempt(path, "written", async () => {
      newDirectories.push(...(await makeDirectories(dirname(absolute))));
      temp = await writeTemp(absolute, text);
    });
    if (problem) failure ??= problem;
    return temp === undefined ? undefined : { path, absolute, isNew, temp };
  };
  // Each temporary file is flushed to disk before it counts as staged; flushing many at once
  // lets the disk work in parallel instead of waiting for one fsync after another.
  const staged = (await mapConcurrently(contents, STAGING_CONCURRENCY, stage, () => failure !== undefined)).filter(
    (file) => file !== undefined,
  );
  // The manifest is staged last, once everything it lists is staged.
  const manifest = failure === undefined && actions.manifest.changed ? await stage(manifestContent) : undefined;
  if (failure) {
    await discard([...staged, ...(manifest ? [manifest] : [])]);
    // Deepest first, so each directory is empty by the time it is removed.
    for (const directory of newDirectories.sort((a, b) => b.length - a.length)) await rmdir(directory).catch(() => undefined);
    return stopped(failure);
  }

  const touched = new Set<string>();
  for (const [index, file] of staged.entries()) {
    const problem = await attempt(file.path, "written", () => rename(file.temp, file.absolute));
    if (problem) {
      await discard([...staged.slice(index), ...(manifest ? [manifest] : [])]);
      return stopped(problem);
    }
    (file.isNew ? applied.created : applied.updated).push(file.path);
    touched.add(dirname(file.absolute));
  }
  for (const { path } of actions.removals) {
    const absolute = join(root, path);
    const problem = await attempt(path, "deleted", () => unlink(absolute));
    if (problem) {
      await discard(manifest ? [manifest] : []);
      return stopped(problem);
    }
    applied.removed.push(path);
    touched.add(dirname(absolute));
    await pruneEmptyDirectories(root, dirname(absolute));
  }
  if (manifest) {
    const problem = await attempt(manifest.path, "written", () => rename(manifest.temp, manifest.absolute));
    if (problem) {
      await discard([manifest]);
      return stopped(problem);
    }
    touched.add(dirname(manifest.absolute));
  }
  await Promise.all([...touched].map(syncDirectory));
  return applied;
}

/** Run one file system step; its error, if any, as a problem about `path`. */
async function attempt(path: string, operation: string, step: () => Promise<unknown>): Promise<EmitProblem | undefined> {
  try {
    await step();
    return undefined;
  } catch (cause) {
    return problems.io(path, operation, cause);
  }
}

/** Delete staged temporaries that will not be renamed into place. */
async function discard(staged: readonly Staged[]): Promise<void> {
  await Promise.all(staged.map((file) => unlink(file.temp).catch(() => undefined)));
}
