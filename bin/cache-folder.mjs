// Where typeflake keeps what it may throw away: `node_modules/.cache/typeflake/` of the nearest
// `node_modules` at or above a folder — the folder babel, eslint and ava use (find-cache-dir's
// convention), ignored wherever `node_modules/` is, and gone with it. Work in progress there is
// named `<what>-<pid>-…`, so that what a killed typeflake left is recognisable (and removed by
// generators/cache/folder.ts). Plain JavaScript, shared by the run cache (generators/cache/) and
// the code cache (code-cache.mjs), which runs before any of typeflake's compiled code.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The cache folder for `start` (absolute; not created here), or undefined without any
 * `node_modules` at or above it.
 *
 * @param {string} start
 * @returns {string | undefined}
 */
export const nearestCacheFolder = (start) => {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "node_modules"))) return join(folder, "node_modules", ".cache", "typeflake");
    if (dirname(folder) === folder) return undefined;
  }
};

/**
 * The name prefix of work in progress of this process: `<what>-<pid>-`.
 *
 * @param {"load" | "write"} what
 * @returns {string}
 */
export const inProgressPrefix = (what) => `${what}-${process.pid}-`;
