/**
 * Put a scaffold on disk without ever replacing anything: every target is checked first, and if
 * any exists nothing is written; each file is then created exclusively (`wx`), so a file that
 * appears meanwhile is not overwritten either.
 */
import { lstat, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ScaffoldFile } from "./scaffold.ts";

/** What happened: the files written, or the existing ones that stopped the run. */
export type ScaffoldResult =
  | { readonly ok: true; readonly written: readonly string[] }
  | { readonly ok: false; readonly existing: readonly string[] };

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** Write `files` under `dir` (absolute), or report the paths already taken. */
export const writeScaffold = async (dir: string, files: readonly ScaffoldFile[]): Promise<ScaffoldResult> => {
  const taken = await Promise.all(files.map(async (file) => ((await exists(join(dir, file.path))) ? [file.path] : [])));
  const existing = taken.flat();
  if (existing.length) return { ok: false, existing };
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text, { flag: "wx" });
  }
  return { ok: true, written: files.map((file) => file.path) };
};
