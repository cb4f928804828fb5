/**
 * Folder listings taken once per run. Reading a thousand hosts' files, looking for leftovers
 * beside them and for temporary files all need every host folder: listed once here, each listing
 * answers what is in the folder and what each entry is (file, folder, link), which saves a
 * `lstat` per path.
 */
import { type Dirent, readdirSync } from "node:fs";
import { absoluteIn } from "./atomic.ts";

/** A folder's entries by name; none when it does not exist or is not a folder. */
export type Listing = ReadonlyMap<string, Dirent>;

/** The listing of a folder relative to the root (`""` for the root), listed on first use. */
export type Listings = (directory: string) => Listing;

const EMPTY: Listing = new Map();

/**
 * Listings of folders under `root`, each read once however often it is asked for. Listed
 * synchronously: a thousand small listings cost a third of the CPU that way. An error other than
 * "missing" or "not a folder" is thrown on every ask, so each caller reports it where it happens.
 */
export function folderListings(root: string): Listings {
  const listed = new Map<string, Listing | Error>();
  return (directory) => {
    let listing = listed.get(directory);
    if (listing === undefined) {
      listing = listFolder(root, directory);
      listed.set(directory, listing);
    }
    if (listing instanceof Error) throw listing;
    return listing;
  };
}

function listFolder(root: string, directory: string): Listing | Error {
  try {
    const entries = readdirSync(directory === "" ? root : absoluteIn(root, directory), { withFileTypes: true });
    return new Map(entries.map((entry) => [entry.name, entry]));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return EMPTY;
    return cause as Error;
  }
}
