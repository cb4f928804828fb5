/**
 * What earlier runs may have left behind: typeflake's temporary files (anywhere in the fleet) and
 * files carrying the generated header that neither the plan nor the manifest names ("orphans",
 * e.g. from a run of an older version cut off before it wrote its manifest).
 */
import { isTempName } from "./atomic.ts";
import { isGeneratedKind } from "./header.ts";
import type { Listings } from "./listings.ts";
import { ancestorDirectories } from "./paths.ts";

/** Folders never searched: dependencies and version control are not the fleet's. */
const FOREIGN_DIRECTORIES = new Set(["node_modules", ".git"]);

/** A folder holding this file is another fleet (an example, a benchmark), with its own writes. */
const FLEET_MARKER = "typeflake.config.ts";

/** Every typeflake temporary file under the listed root, relative and sorted, outside nested fleets. */
export function findTemporaryFiles(listings: Listings): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    const entries = [...listings(directory).values()];
    if (directory !== "" && entries.some((entry) => entry.name === FLEET_MARKER && entry.isFile())) return;
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = directory === "" ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDirectory() && !FOREIGN_DIRECTORIES.has(entry.name)) subfolders.push(path);
      else if (!entry.isDirectory() && isTempName(entry.name)) found.push(path);
    }
    for (const subfolder of subfolders) walk(subfolder);
  };
  walk("");
  return found.sort();
}

/**
 * Files that could be orphaned generated files: those of a kind typeflake writes directly inside
 * the folders where `known` (planned and manifest) paths live, and inside their sibling folders
 * (`hosts/old/` beside `hosts/nas/`), that `known` does not name. Callers read them and keep
 * those with the header.
 */
export function findUnrecordedFiles(known: ReadonlySet<string>, listings: Listings): string[] {
  const folders = new Set([...known].map((path) => ancestorDirectories(path).at(-1) ?? ""));
  // Siblings only below the top level: the root's other folders are the user's, not typeflake's.
  const parents = new Set([...folders].flatMap((folder) => ancestorDirectories(folder).slice(-1)));
  for (const parent of parents) for (const entry of listings(parent).values()) if (entry.isDirectory()) folders.add(`${parent}/${entry.name}`);
  const found: string[] = [];
  for (const folder of folders) {
    for (const entry of listings(folder).values()) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && isGeneratedKind(entry.name) && !known.has(path) && !isTempName(entry.name)) found.push(path);
    }
  }
  return found.sort();
}
