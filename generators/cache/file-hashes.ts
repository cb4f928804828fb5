/**
 * Content hashes of the files a run read: what the run cache compares to tell whether a recorded
 * run still describes the disk.
 */
import { readFileSync } from "node:fs";
import { contentHash } from "../emit/manifest.ts";

/** Absolute path → hex SHA-256 of its bytes, or {@link ABSENT} for a file that was not there. */
export type ReadFiles = ReadonlyMap<string, string>;

/** The hash of a file that does not exist (or is not a readable file). */
export const ABSENT = "absent";

const hashOf = (path: string): string => {
  try {
    return contentHash(readFileSync(path));
  } catch {
    return ABSENT;
  }
};

/**
 * The hash of each of `paths` (absolute), {@link ABSENT} for those that cannot be read. Read one
 * after another on purpose: for a thousand small files, synchronous reads cost a quarter of the
 * CPU time of promises (one thread-pool round trip per open, stat, read and close).
 */
export const hashFiles = (paths: Iterable<string>): Map<string, string> => new Map([...new Set(paths)].map((path) => [path, hashOf(path)]));
