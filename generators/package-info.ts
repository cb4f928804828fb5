/**
 * typeflake's own package: its folder and version, found by walking up from this module to the
 * nearest `package.json` named `typeflake`, and where its runtime files are. Walking (rather than
 * a fixed `../..`) keeps it right from the sources and from the compiled `dist/`, where this code
 * sits in a bundle chunk at whatever depth the build chose.
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

/** The folders of typeflake's TypeScript sources: what the build compiles and, run from sources, what names the running code. */
export const SOURCE_FOLDERS: readonly string[] = ["dsl", "services", "generators"];

/**
 * Whether typeflake runs compiled (the bundle in `dist/`, as users run it) rather than from its
 * TypeScript sources (tsx, vitest): the module's own file name tells.
 */
export const RUNS_COMPILED = !import.meta.url.endsWith(".ts");

/**
 * The absolute path of one of typeflake's runtime files, named by its path in the source tree
 * (`dsl/nixos-options/index.json`): that file when running from the sources, its copy under
 * `dist/` when compiled (the build copies runtime files to the same path under `dist/`).
 */
export const typeflakeFile = (sourcePath: string): string => join(TYPEFLAKE_PACKAGE_INFO.root, RUNS_COMPILED ? "dist" : "", sourcePath);
