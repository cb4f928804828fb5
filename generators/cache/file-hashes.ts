/**
 * Content hashes of the files a run read: what the run cache compares to tell whether a recorded
 * run still describes the disk.
 */
import { contentHash } from "../emit/manifest.ts";
import type { HashMemo } from "../hash-memo.ts";
import { readRegularFile } from "../read-regular-file.ts";
import { statOf } from "../stat-of.ts";

/** Absolute path → hex SHA-256 of its bytes, or {@link ABSENT} for a file that was not there. */
export type ReadFiles = ReadonlyMap<string, string>;

/** The hash of a file that does not exist (or is not a readable file). */
export const ABSENT = "absent";

/** The hash of `path`, from `memo` when its stat is the one remembered, else read (and remembered). */
const hashOf = (path: string, memo: HashMemo | undefined): string => {
  const stats = statOf(path);
  // Most files a run looks for are absent (the configuration files of every folder): not opened too.
  if (stats === undefined) return ABSENT;
  const remembered = memo && stats.isFile() ? memo.hashOf(path, stats) : undefined;
  if (remembered !== undefined) return remembered;
  const readFrom = Date.now();
  const read = readRegularFile(path);
  if (read === undefined) return ABSENT;
  const hash = contentHash(read.bytes);
  // A file whose stat says it is empty is read every time: the pseudo files of /proc and /sys
  // report no size whatever they hold, and keep their stat while their content changes.
  if (read.stats.size > 0) memo?.remember(path, read.stats, hash, readFrom);
  return hash;
};

/**
 * The hash of each of `paths` (absolute), {@link ABSENT} for those that cannot be read; with a
 * `memo`, a file whose stat is unchanged since it was hashed is not read. Read one after another
 * on purpose: for a thousand small files, synchronous reads cost a quarter of the CPU time of
 * promises (one thread-pool round trip per open, stat, read and close).
 */
export const hashFiles = (paths: Iterable<string>, memo?: HashMemo): Map<string, string> =>
  new Map([...new Set(paths)].map((path) => [path, hashOf(path, memo)]));
