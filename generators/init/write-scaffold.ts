/**
 * Put a scaffold on disk without ever replacing anything: every target is checked first, and if
 * any exists nothing is written; each file is then created exclusively (`wx`), so a file that
 * appears meanwhile is not overwritten either. A write that fails part-way (a read-only folder, a
 * full disk) removes the files this run created, so a retry starts from the same folder.
 */
import { lstat, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { makeDirectories } from "../make-directories.ts";
import type { ScaffoldFile } from "./scaffold.ts";

/** What happened: the files written, the existing ones that stopped the run, or why writing failed. */
export type ScaffoldResult =
  | {
      readonly ok: true;
      /** Every file of the scaffold, relative to the fleet root. */
      readonly written: readonly string[];
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

/** Write `files` under `dir` (absolute), or report why not. */
export const writeScaffold = async (dir: string, files: readonly ScaffoldFile[]): Promise<ScaffoldResult> => {
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) return { ok: false, reason: "not-a-folder" };
  const taken = await Promise.all(files.map(async (file) => ((await exists(join(dir, file.path))) ? [file.path] : [])));
  const existing = taken.flat();
  if (existing.length) return { ok: false, reason: "existing", existing };
  const written: string[] = [];
  for (const file of files) {
    const path = join(dir, file.path);
    try {
      await makeDirectories(dirname(path));
      await writeFile(path, file.text, { flag: "wx" });
    } catch (caught) {
      // Only files this run created exclusively are removed: nothing that was there before.
      await Promise.all(written.map((done) => rm(join(dir, done), { force: true })));
      return { ok: false, reason: "failed", path: file.path, message: errorText(caught) };
    }
    written.push(file.path);
  }
  return { ok: true, written };
};
