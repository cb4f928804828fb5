/**
 * Every definition file of a fleet, found once per run: the fleet's (`discover.ts`) and the homes'
 * (`discover-homes.ts`). The run cache fingerprints this very result before the load imports it.
 */
import { discoverFleet, type Discovery } from "./discover.ts";
import { discoverHomes } from "./discover-homes.ts";

/** Every definition file under the absolute `root`, and the problems finding them. */
export const discoverDefinitions = async (root: string): Promise<Discovery> => {
  const [fleet, homes] = await Promise.all([discoverFleet(root), discoverHomes(root)]);
  return { ...fleet, files: [...fleet.files, ...homes.files], diagnostics: [...fleet.diagnostics, ...homes.diagnostics] };
};
