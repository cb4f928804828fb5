/**
 * The hash memo (`hash-memo.ts`) between runs: one file per fleet root in the cache folder, beside
 * the run record, replaced whole like it. An unreadable memo is an empty one: every file is read.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import { HashMemo, type MemoEntries } from "../hash-memo.ts";
import { isJsonObject } from "../json-object.ts";
import { checksummed, parseChecksummed } from "./checksummed.ts";
import { writeCacheFile } from "./run-store.ts";

/** A hash memo and the cache file it is kept in. */
export interface StoredHashMemo {
  readonly memo: HashMemo;
  /** Absolute path of the memo's file (see {@link hashMemoFile}). */
  readonly file: string;
}

/** The first line of every memo file; a new layout gets a new number. */
const FORMAT = "typeflake hash memo 1";

/** The memo file of the fleet at `root` (absolute) in the cache folder `folder`. */
export const hashMemoFile = (folder: string, root: string): string => join(folder, `hashes-${contentHash(root).slice(0, 16)}.json`);

const isEntry = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 3 && typeof value[0] === "string" && typeof value[1] === "string" && typeof value[2] === "number";

/** The entries in `bytes` (a memo file's), or none when they are not a whole, intact memo of this format. */
export const parseHashMemo = (bytes: Buffer): MemoEntries => {
  const value = parseChecksummed(FORMAT, bytes);
  return isJsonObject(value) && Object.values(value).every(isEntry) ? (value as MemoEntries) : {};
};

/** The memo stored in `file`: empty when there is none or it is unreadable. */
export const readHashMemo = async (file: string): Promise<HashMemo> => {
  const bytes = await readFile(file).catch(() => undefined);
  return new HashMemo(bytes === undefined ? {} : parseHashMemo(bytes));
};

/** Store what the memo remembers for the next run in its file, unless it is what the file holds already. */
export const writeHashMemo = async ({ memo, file }: StoredHashMemo): Promise<void> => {
  if (memo.changed) await writeCacheFile(file, checksummed(FORMAT, memo.entries(), 1));
};
