/**
 * Where typeflake keeps what it may throw away: `node_modules/.cache/typeflake/` of the nearest
 * `node_modules` at or above the fleet root — the folder babel, eslint and ava use
 * (find-cache-dir's convention), ignored wherever `node_modules/` is, and gone with it. Work in
 * progress there is named `<what>-<pid>-…`, so that what a killed typeflake left is recognisable.
 */
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";

/** The cache folder for the fleet at `root` (absolute; not created here), or undefined without any `node_modules` above it. */
export const nearestCacheFolder = (root: string): string | undefined => {
  for (let folder = root; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "node_modules"))) return join(folder, "node_modules", ".cache", "typeflake");
    if (dirname(folder) === folder) return undefined;
  }
};

/** The name prefix of work in progress of this process: `<what>-<pid>-`. */
export const inProgressPrefix = (what: "load" | "write"): string => `${what}-${process.pid}-`;

const IN_PROGRESS = /^(?:load|write)-(\d+)-/;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (thrown) {
    return (thrown as { code?: unknown }).code === "EPERM";
  }
};

/** Remove the work in progress that typeflakes killed before they could clean up left in `folder`. */
export const removeAbandoned = async (folder: string): Promise<void> => {
  const names = await readdir(folder).catch(() => []);
  await Promise.all(
    names.flatMap((name) => {
      const pid = IN_PROGRESS.exec(name)?.[1];
      return pid !== undefined && !isAlive(Number(pid)) ? [rm(join(folder, name), { recursive: true, force: true })] : [];
    }),
  );
};
