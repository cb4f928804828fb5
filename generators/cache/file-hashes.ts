/**
 * Content hashes of the files a run read: what the run cache compares to tell whether a recorded
 * run still describes the disk.
 */
import { readFile } from "node:fs/promises";
import { mapConcurrently } from "../concurrency.ts";
import { contentHash } from "../emit/manifest.ts";

/** Absolute path → hex SHA-256 of its bytes, or {@link ABSENT} for a file that was not there. */
export type ReadFiles = ReadonlyMap<string, string>;

/** The hash of a file that does not exist (or is not a readable file). */
export const ABSENT = "absent";

/** Files read at once: many small files keep the disk and the event loop busy. */
const READ_CONCURRENCY = 32;

/** The hash of each of `paths` (absolute), {@link ABSENT} for those that cannot be read. */
export const hashFiles = async (paths: Iterable<string>): Promise<Map<string, string>> => {
  const unique = [...new Set(paths)];
  const hashes = await mapConcurrently(unique, READ_CONCURRENCY, (path) => readFile(path).then(contentHash, () => ABSENT));
  return new Map(unique.map((path, index) => [path, hashes[index] ?? ABSENT]));
};
