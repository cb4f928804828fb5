/**
 * typeflake's own package: its folder and version, found by walking up from this module to the
 * nearest `package.json` named `typeflake`. Walking (rather than a fixed `../..`) keeps it right
 * both when running from the sources and from a compiled `dist/` folder one level deeper.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** What typeflake knows about itself. */
export interface PackageInfo {
  /** Absolute path of the folder holding typeflake's `package.json`. */
  readonly root: string;
  /** The `version` of that `package.json`, e.g. `"0.1.0"`. */
  readonly version: string;
}

const PACKAGE_NAME = "typeflake";

// A manifest that is missing, unreadable or not JSON is simply not typeflake's.
const readManifest = (folder: string): { name?: unknown; version?: unknown } | undefined => {
  try {
    return JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
};

/** The typeflake package enclosing `start` (an absolute folder); throws when there is none. */
export const findPackageInfo = (start: string): PackageInfo => {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = readManifest(folder);
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === "string") {
      return { root: folder, version: manifest.version };
    }
    // An installation without its package.json is broken, not bad input: there is nothing to fix in the fleet.
    if (dirname(folder) === folder) throw new Error(`no package.json named "${PACKAGE_NAME}" with a version in ${start} or any parent folder`);
  }
};

/** This typeflake installation. */
export const TYPEFLAKE_PACKAGE_INFO: PackageInfo = findPackageInfo(dirname(fileURLToPath(import.meta.url)));
