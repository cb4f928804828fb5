// Whether the compiled dist/ of a checkout of typeflake's repository is older than the files it
// was built from. Plain JavaScript, run by bin/typeflake.mjs before anything else: it must stay
// cheap (one small JSON file and a stat per source file, no directory walk).

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The list of repository files `dist/` was built from (relative, `/`-separated), under `dist/`; written last by scripts/build.ts. */
export const BUILD_INPUTS_FILE = "build-inputs.json";

/**
 * Whether `dist/` under the repository `root` is missing, unfinished (no input list yet) or
 * older than one of the files it was built from (changed or removed since). A file that is new
 * since the build matters only once a listed file imports it, and that file is then newer.
 *
 * @param {string} root the repository folder
 * @returns {boolean}
 */
export const distIsStale = (root) => {
  const list = join(root, "dist", BUILD_INPUTS_FILE);
  const built = statSync(list, { throwIfNoEntry: false });
  if (!built) return true;
  const inputs = /** @type {string[]} */ (JSON.parse(readFileSync(list, "utf8")));
  return inputs.some((input) => (statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built.mtimeMs);
};
