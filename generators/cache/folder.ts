/**
 * Where typeflake keeps what it may throw away: `node_modules/.cache/typeflake/` of the nearest
 * `node_modules` at or above the fleet root, and the names of work in progress there (both in
 * `bin/cache-folder.mjs`): what a killed typeflake left is removed here, and so are the records
 * of fleet roots beyond the most recently written ones, so the folder stays bounded.
 */
import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

export { inProgressPrefix, nearestCacheFolder } from "../../bin/cache-folder.mjs";

const IN_PROGRESS = /^(?:load|write)-(\d+)-/;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (thrown) {
    return (thrown as { code?: unknown }).code === "EPERM";
  }
};

/** The work in progress among `names` (in `folder`) that typeflakes killed before they could clean up left, removed. */
const abandoned = (folder: string, names: readonly string[]): Promise<void>[] =>
  names.flatMap((name) => {
    const pid = IN_PROGRESS.exec(name)?.[1];
    return pid !== undefined && !isAlive(Number(pid)) ? [rm(join(folder, name), { recursive: true, force: true })] : [];
  });

/** Remove the work in progress that typeflakes killed before they could clean up left in `folder`. */
export const removeAbandoned = async (folder: string): Promise<void> => {
  await Promise.all(abandoned(folder, await readdir(folder).catch(() => [])));
};

/**
 * How many fleet roots keep their records (of each kind: run records, file-hash memos). Each
 * root has one of each, a few megabytes on 1,000 hosts; a machine that runs typeflake on more
 * roots under one `node_modules` (a test suite's temporary fleets, a CI runner's checkouts)
 * would otherwise gather them without end. A root whose record was removed only runs cold once.
 */
export const KEPT_RECORDS = 64;

/** A record's file name (`run-<root hash>.json`, `hashes-<root hash>.json`), its kind captured. */
const RECORD = /^(run|hashes)-[0-9a-f]{16}\.json$/;

/** The records among `names` (in `folder`) beyond the {@link KEPT_RECORDS} most recently written of their kind, removed. */
const surplusRecords = async (folder: string, names: readonly string[]): Promise<void> => {
  const byKind = new Map<string, string[]>();
  for (const name of names) {
    const kind = RECORD.exec(name)?.[1];
    if (kind !== undefined) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  const surplus = [...byKind.values()].filter((records) => records.length > KEPT_RECORDS);
  await Promise.all(
    surplus.map(async (records) => {
      const written = await Promise.all(records.map(async (name) => ({ name, at: (await lstat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
      const oldestFirst = written.sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1));
      await Promise.all(oldestFirst.slice(0, records.length - KEPT_RECORDS).map(({ name }) => rm(join(folder, name), { force: true })));
    }),
  );
};

/** Tidy the cache folder once written to: what killed typeflakes left, and the records beyond {@link KEPT_RECORDS}, removed. */
export const tidyCacheFolder = async (folder: string): Promise<void> => {
  const names = await readdir(folder).catch(() => []);
  await Promise.all([...abandoned(folder, names), surplusRecords(folder, names)]);
};
