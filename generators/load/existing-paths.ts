/**
 * Which of the paths a fleet names exist on disk: the I/O half of the path check
 * (`validate/paths.ts`), kept at the edge so the check itself stays pure.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";

/** The subset of `paths` (relative to `root`, `/`-separated) that exist as a file or folder. */
export const existingPaths = async (root: string, paths: Iterable<string>): Promise<Set<string>> => {
  const unique = [...new Set(paths)];
  const found = await Promise.all(
    unique.map(async (path) => {
      try {
        await stat(join(root, path));
        return path;
      } catch {
        return undefined;
      }
    }),
  );
  return new Set(found.filter((path): path is string => path !== undefined));
};
