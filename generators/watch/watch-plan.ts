/**
 * What `generate --watch` watches, and which changes there matter: every input of the last plan,
 * by its fingerprint (the files the load read or looked for in vain, such as a `package.json` in
 * a folder above the fleet, the paths the fleet names, what fleet code observed), and what
 * discovery would find anew in the definition folders (a new host folder, module or helper).
 * Folders are watched rather than files: an editor that saves by writing a new file and renaming
 * it over the old one replaces the file a watch would follow, while its folder stays. The root's
 * own folder is watched for the root alone: a root removed and made anew is seen.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RunFingerprint } from "../cache/fingerprint.ts";
import { observedPath } from "../cache/observations.ts";
import { STATE_DIRECTORY } from "../emit/paths.ts";
import { FLEET_SCHEMA_DIR } from "../options/fleet-schema.ts";
import { HOMES_DIR, HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR } from "../load/layout.ts";
import { statOf } from "../stat-of.ts";

/** Skipped when listing definition folders, and as changes in them: hidden entries (editors' swap files) and installed packages. */
const isSkipped = (name: string): boolean => name.startsWith(".") || name.endsWith("~") || name === "node_modules";

/** `folder` and every folder below it (absolute), none when it cannot be listed. */
const foldersBelow = (folder: string): string[] => {
  try {
    const below = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !isSkipped(entry.name));
    return [folder, ...below.flatMap((entry) => foldersBelow(join(folder, entry.name)))];
  } catch {
    return [];
  }
};

/** The folders to watch and which changed paths (absolute) there matter. */
export interface WatchPlan {
  /** Absolute, existing, sorted. */
  readonly folders: readonly string[];
  matters(path: string): boolean;
}

/**
 * The watch for the fleet at the absolute `root`: `fingerprint` is the last plan's (kept through
 * runs with errors, whose inputs are not all known); `current` says whether the last run made it.
 * When it did not (errors, or a run that could not be recorded), any change under the root
 * matters, besides what the definition folders would find anew.
 */
export const watchPlan = (root: string, fingerprint: RunFingerprint | undefined, current: boolean): WatchPlan => {
  const definitionRoots = new Set([HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR, HOMES_DIR].map((dir) => join(root, dir)));
  const definitionFolders = [...definitionRoots].flatMap(foldersBelow);
  const observed = Object.keys(fingerprint?.observed ?? {}).flatMap((key) => observedPath(key) ?? []);
  const inputs = new Set([
    ...Object.keys(fingerprint?.files ?? {}),
    ...(fingerprint?.paths.checked ?? []).map((path) => join(root, ...path.split("/"))),
    ...observed.map(({ path }) => path),
  ]);
  const listed = new Set([...definitionFolders, ...observed.flatMap(({ path, listed }) => (listed ? [path] : []))]);
  const optionIndex = join(root, ...FLEET_SCHEMA_DIR.split("/"));
  // The state folder for its `options/` appearing (a fleet's own option schema, imported); the
  // root's own folder for the root made anew (removed and cloned again), whose watches went with it.
  const candidates = new Set([dirname(root), root, join(root, STATE_DIRECTORY), optionIndex, ...listed, ...[...inputs].map((path) => dirname(path))]);
  const insideRoot = (path: string) => path.startsWith(`${root}/`);
  return {
    folders: [...candidates].filter((folder) => statOf(folder)?.isDirectory() ?? false).sort(),
    matters: (path) =>
      path === root ||
      inputs.has(path) ||
      // `hosts/` made anew (or a first `modules/`), before any folder in it is watched.
      definitionRoots.has(path) ||
      (listed.has(dirname(path)) && !isSkipped(path.slice(dirname(path).length + 1))) ||
      dirname(path) === optionIndex ||
      (!current && insideRoot(path)),
  };
};
