/**
 * What earlier runs may have left behind: typeflake's temporary files (anywhere in the fleet) and
 * files carrying the generated header that neither the plan nor the manifest names ("orphans",
 * e.g. from a run of an older version cut off before it wrote its manifest).
 */
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { mapConcurrently } from "../concurrency.ts";
import { absoluteIn, isTempName } from "./atomic.ts";
import { ancestorDirectories } from "./paths.ts";

/** Folders never searched: dependencies and version control are not the fleet's. */
const FOREIGN_DIRECTORIES = new Set(["node_modules", ".git"]);

/** Folders listed at once. */
const LIST_CONCURRENCY = 16;

/** A folder holding this file is another fleet (an example, a benchmark), with its own writes. */
const FLEET_MARKER = "typeflake.config.ts";

/** Every typeflake temporary file under `root`, relative and sorted, outside nested fleets. */
export async function findTemporaryFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (directory: string): Promise<void> => {
    const entries = await list(root, directory);
    if (directory !== "" && entries.some((entry) => entry.name === FLEET_MARKER && entry.isFile())) return;
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = directory === "" ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDirectory() && !FOREIGN_DIRECTORIES.has(entry.name)) subfolders.push(path);
      else if (!entry.isDirectory() && isTempName(entry.name)) found.push(path);
    }
    // Folders are listed several at once: a fleet of a thousand hosts has a thousand of them.
    await mapConcurrently(subfolders, LIST_CONCURRENCY, walk);
  };
  await walk("");
  return found.sort();
}

/**
 * Files that could be orphaned generated files: those directly inside the folders where `known`
 * (planned and manifest) paths live, and inside their sibling folders (`hosts/old/` beside
 * `hosts/nas/`), that `known` does not name. Callers read them and keep those with the header.
 */
export async function findUnrecordedFiles(root: string, known: ReadonlySet<string>): Promise<string[]> {
  const folders = new Set([...known].map((path) => ancestorDirectories(path).at(-1) ?? ""));
  // Siblings only below the top level: the root's other folders are the user's, not typeflake's.
  const parents = new Set([...folders].flatMap((folder) => ancestorDirectories(folder).slice(-1)));
  for (const parent of parents) for (const entry of await list(root, parent)) if (entry.isDirectory()) folders.add(`${parent}/${entry.name}`);
  const listed = await mapConcurrently([...folders], LIST_CONCURRENCY, async (folder) => ({ folder, entries: await list(root, folder) }));
  const found: string[] = [];
  for (const { folder, entries } of listed.filter((item) => item !== undefined)) {
    for (const entry of entries) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && !known.has(path) && !isTempName(entry.name)) found.push(path);
    }
  }
  return found.sort();
}

/** A folder's entries, none when it does not exist or is not a folder. */
async function list(root: string, directory: string): Promise<Dirent[]> {
  try {
    return await readdir(directory === "" ? root : absoluteIn(root, directory), { withFileTypes: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw cause;
  }
}
