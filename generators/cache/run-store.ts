/**
 * The run record on disk: one file per fleet root in the cache folder, replaced atomically (a
 * temporary file renamed over it), so that concurrent runs each leave a whole record — every
 * record is keyed on the inputs of the run that wrote it, so whichever lands last is right for
 * its own inputs — and a reader sees one whole record or the one before it.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import { inProgressPrefix, removeAbandoned } from "./folder.ts";
import { parseRecord, serializeRecord, type RunRecord } from "./run-record.ts";

/** The record file of the fleet at `root` (absolute) in the cache folder `folder`. */
export const recordFile = (folder: string, root: string): string => join(folder, `run-${contentHash(root).slice(0, 16)}.json`);

/** The record in `file`, or undefined when there is none or it is not whole and intact. */
export const readRecord = async (file: string): Promise<RunRecord | undefined> => {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes === undefined ? undefined : parseRecord(bytes);
};

/** Store `record` in `file` (see {@link writeCacheFile}). */
export const writeRecord = (file: string, record: RunRecord): Promise<void> => writeCacheFile(file, serializeRecord(record));

/**
 * Replace `file`, in the cache folder, with `text`. A cache that cannot be written (read-only or
 * full disk) only costs the next run its shortcut: the failure is swallowed, and no temporary
 * file is left behind.
 */
export const writeCacheFile = async (file: string, text: string): Promise<void> => {
  const folder = join(file, "..");
  const temporary = join(folder, `${inProgressPrefix("write")}${randomBytes(6).toString("hex")}`);
  try {
    await mkdir(folder, { recursive: true });
    await removeAbandoned(folder);
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
};
