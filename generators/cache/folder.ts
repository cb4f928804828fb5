/**
 * Where typeflake keeps what it may throw away: `node_modules/.cache/typeflake/` of the nearest
 * `node_modules` at or above the fleet root, and the names of work in progress there (both in
 * `bin/cache-folder.mjs`): what a killed typeflake left is removed here.
 */
import { readdir, rm } from "node:fs/promises";
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
