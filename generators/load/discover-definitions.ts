/**
 * Every definition file of a fleet, found once per run: the fleet's (`discover.ts`) and the homes'
 * (`discover-homes.ts`), the files that look like definitions where none is loaded from
 * (`misplaced-definitions.ts`), without the files that cannot be read (`unreadable-files.ts`) or that a
 * case-insensitive file system would take for another (`case-twins.ts`). The run cache
 * fingerprints this very result before the load imports it.
 */
import { discoverFleet, type Discovery } from "./discover.ts";
import { discoverHomes } from "./discover-homes.ts";
import { findMisplacedDefinitions } from "./misplaced-definitions.ts";
import { setAsideCaseTwins } from "./case-twins.ts";
import { setAsideUnreadable, unreadableFolders } from "./unreadable-files.ts";

/** Every definition file under the absolute `root`, and the problems finding them. */
export const discoverDefinitions = async (root: string): Promise<Discovery> => {
  const [fleet, homes, misplaced] = await Promise.all([discoverFleet(root), discoverHomes(root), findMisplacedDefinitions(root)]);
  const readable = setAsideUnreadable([...fleet.files, ...homes.files]);
  const distinct = setAsideCaseTwins(readable.files);
  const unlisted = unreadableFolders(root);
  return {
    ...fleet,
    files: distinct.files,
    setAside: [...readable.setAside, ...distinct.setAside],
    unlisted: unlisted.folders,
    misplaced,
    diagnostics: [...unlisted.diagnostics, ...fleet.diagnostics, ...homes.diagnostics, ...readable.diagnostics, ...distinct.diagnostics],
  };
};
