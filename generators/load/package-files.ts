/**
 * The files that stand for a package a fleet file imports (Node, not the bundle, loads it): its
 * entry, its `package.json` (name and version) and npm's record of the `node_modules` it was
 * installed in (`.package-lock.json`, rewritten by every `npm install`, `ci` and `uninstall`).
 * Files deeper inside the package are not followed: a package edited in place without a new
 * version (a linked one under development) needs `--no-cache`.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** npm's hidden lockfile inside `node_modules/`. */
const NPM_INSTALL_RECORD = ".package-lock.json";

/** The files whose hashes tell whether the package whose entry is `entry` (absolute) changed. */
export const packageFilesOf = (entry: string): string[] => {
  const files = [entry];
  let manifestFound = false;
  for (let folder = dirname(entry); dirname(folder) !== folder; folder = dirname(folder)) {
    if (!manifestFound && existsSync(join(folder, "package.json"))) {
      files.push(join(folder, "package.json"));
      manifestFound = true;
    }
    if (basename(folder) === "node_modules") {
      files.push(join(folder, NPM_INSTALL_RECORD));
      break;
    }
  }
  return files;
};
