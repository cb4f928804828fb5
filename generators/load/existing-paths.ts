/**
 * What the disk says about the paths a fleet names: the I/O half of the path check
 * (`validate/paths.ts`), kept at the edge so the check itself stays pure.
 */
import { readdir, realpath } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";

/** Facts about fleet-relative, `/`-separated paths. */
export interface PathFacts {
  /** The paths that exist (a file or a folder) and stay inside the fleet once symlinks are followed. */
  readonly existing: ReadonlySet<string>;
  /** The paths that exist but are symlinks (or inside symlinked folders) leading out of the fleet. */
  readonly escaping: ReadonlySet<string>;
  /** For each path that does not exist: the names in its folder, for "did you mean". */
  readonly siblings: ReadonlyMap<string, readonly string[]>;
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== "..");
};

const namesIn = async (folder: string): Promise<string[]> => {
  try {
    return (await readdir(folder)).sort();
  } catch {
    return [];
  }
};

/** What exists of `paths` (relative to `root`). */
export const pathFacts = async (root: string, paths: Iterable<string>): Promise<PathFacts> => {
  const realRoot = await realpath(root);
  const found = await Promise.all(
    [...new Set(paths)].map(async (path) => {
      try {
        return { path, real: await realpath(join(root, path)) };
      } catch {
        return { path, real: undefined, siblings: await namesIn(join(root, dirname(path))) };
      }
    }),
  );
  return {
    existing: new Set(found.filter(({ real }) => real !== undefined && inside(realRoot, real)).map(({ path }) => path)),
    escaping: new Set(found.filter(({ real }) => real !== undefined && !inside(realRoot, real)).map(({ path }) => path)),
    siblings: new Map(found.flatMap(({ path, siblings }) => (siblings ? [[path, siblings] as const] : []))),
  };
};
