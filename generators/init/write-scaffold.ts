/**
 * Put a scaffold on disk without ever replacing the user's work: every target is checked first,
 * and if one that must not be replaced exists (a fleet's file) nothing is written; those the user
 * keeps (a README) are left alone, and those merged (package.json, .gitignore) are merged before
 * anything is written, so a file that cannot be merged also stops everything. New files are
 * created exclusively (`wx`), so a file that appears meanwhile is not overwritten either; merged
 * ones are replaced whole (a temporary file renamed over them). A write that fails part-way (a
 * read-only folder, a full disk) removes the files this run created and puts the merged ones back
 * as they were, so a retry starts from the same folder.
 */
import { lstat, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { makeFolders } from "../make-folders.ts";
import type { ScaffoldFile } from "./scaffold.ts";

/** What happened: the files written, the existing ones that stopped the run, or why writing failed. */
export type ScaffoldResult =
  | {
      readonly ok: true;
      /** The files created, relative to the fleet root. */
      readonly written: readonly string[];
      /** The user's files the scaffold was merged into: what each gained, and what it keeps that differs from the scaffold's. */
      readonly updated: readonly { readonly path: string; readonly changes: readonly string[]; readonly notes: readonly string[] }[];
      /** The user's files left as they were (kept, or merged with nothing to add), and what each keeps that differs from the scaffold's. */
      readonly kept: readonly { readonly path: string; readonly notes: readonly string[] }[];
    }
  | {
      readonly ok: false;
      /** Some targets exist already: nothing was written. */
      readonly reason: "existing";
      /** Those targets, relative to the fleet root. */
      readonly existing: readonly string[];
    }
  | {
      readonly ok: false;
      /** The fleet's folder is a file (or another non-folder): nothing was written. */
      readonly reason: "not-a-folder";
    }
  | {
      readonly ok: false;
      /** A file to merge into cannot be (not JSON, not a file): nothing was written. */
      readonly reason: "unmergeable";
      /** That file, relative to the fleet root. */
      readonly path: string;
      /** Why, e.g. `package.json is not valid JSON (…)`. */
      readonly problem: string;
    }
  | {
      readonly ok: false;
      /** A write failed; the files this run had written were removed again. */
      readonly reason: "failed";
      /** The file that could not be written, relative to the fleet root. */
      readonly path: string;
      /** The system's reason, e.g. `EACCES: permission denied, open '…'`. */
      readonly message: string;
    };

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

const errorText = (caught: unknown): string => (caught instanceof Error ? caught.message : String(caught));

/** A merged file: its new text, what changed, what differs and is kept, and the text to put back if a later write fails. */
interface Merged {
  readonly path: string;
  readonly text: string;
  readonly changes: readonly string[];
  readonly notes: readonly string[];
  readonly original: string;
}

/** The merges of the files present that merge, or the first that cannot be made. */
const mergesOf = async (dir: string, files: readonly ScaffoldFile[]): Promise<Merged[] | { readonly path: string; readonly problem: string }> => {
  const merged: Merged[] = [];
  for (const file of files) {
    if (file.whenPresent.kind !== "merge") continue;
    const original = await readFile(join(dir, file.path), "utf8").catch((caught: unknown) => ({ caught }));
    if (typeof original !== "string") return { path: file.path, problem: `${file.path} cannot be read (${errorText(original.caught)})` };
    const result = file.whenPresent.merge(original);
    if (!result.ok) return { path: file.path, problem: result.problem };
    merged.push({ path: file.path, text: result.text, changes: result.changes, notes: result.notes, original });
  }
  return merged;
};

/** Write `files` under `dir` (absolute), or report why not. */
export const writeScaffold = async (dir: string, files: readonly ScaffoldFile[]): Promise<ScaffoldResult> => {
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) return { ok: false, reason: "not-a-folder" };
  const present = new Set((await Promise.all(files.map(async (file) => ((await exists(join(dir, file.path))) ? [file.path] : [])))).flat());
  const existing = files.filter((file) => present.has(file.path) && file.whenPresent.kind === "refuse").map((file) => file.path);
  if (existing.length) return { ok: false, reason: "existing", existing };
  const merges = await mergesOf(dir, files.filter((file) => present.has(file.path)));
  if (!Array.isArray(merges)) return { ok: false, reason: "unmergeable", ...merges };
  const changed = merges.filter((merge) => merge.changes.length > 0);
  const written: string[] = [];
  const replaced: Merged[] = [];
  // Only what this run created is removed, and only what it replaced is put back: nothing else that was there.
  const undo = () => Promise.all([...written.map((done) => rm(join(dir, done), { force: true })), ...replaced.map((merge) => writeFile(join(dir, merge.path), merge.original))]);
  for (const file of files.filter((candidate) => !present.has(candidate.path))) {
    const path = join(dir, file.path);
    try {
      await makeFolders(dirname(path));
      await writeFile(path, file.text, { flag: "wx" });
    } catch (caught) {
      await undo();
      return { ok: false, reason: "failed", path: file.path, message: errorText(caught) };
    }
    written.push(file.path);
  }
  for (const merge of changed) {
    const path = join(dir, merge.path);
    const temporary = `${path}.typeflake-init-${process.pid}`;
    try {
      await writeFile(temporary, merge.text, { flag: "wx" });
      await rename(temporary, path);
    } catch (caught) {
      await rm(temporary, { force: true });
      await undo();
      return { ok: false, reason: "failed", path: merge.path, message: errorText(caught) };
    }
    replaced.push(merge);
  }
  const updated = changed.map(({ path, changes, notes }) => ({ path, changes, notes }));
  const notesOf = (path: string) => merges.find((merge) => merge.path === path)?.notes ?? [];
  const kept = files.filter((file) => present.has(file.path) && !changed.some((merge) => merge.path === file.path)).map((file) => ({ path: file.path, notes: notesOf(file.path) }));
  return { ok: true, written, updated, kept };
};
