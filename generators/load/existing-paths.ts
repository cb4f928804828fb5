/**
 * What the disk says about the paths a fleet names: the I/O half of the path check
 * (`validate/paths.ts`), kept at the edge so the check itself stays pure.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { specialKind } from "./path-problem.ts";

/** Facts about fleet-relative, `/`-separated paths. */
export interface PathFacts {
  /** The paths that exist (a file or a folder) and stay inside the fleet once symlinks are followed. */
  readonly existing: ReadonlySet<string>;
  /**
   * The paths inside the fleet where neither a file nor a folder stands, and what does ("a named
   * pipe (FIFO)"): nix refuses them in a flake's source, and reading one waits forever.
   */
  readonly special: ReadonlyMap<string, string>;
  /** The paths inside the fleet that are folders without a `default.nix`, which Nix reads when it imports a folder. */
  readonly bareFolders: ReadonlySet<string>;
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

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

/** What exists of `paths` (relative to `root`). */
export const pathFacts = async (root: string, paths: Iterable<string>): Promise<PathFacts> => {
  const realRoot = await realpath(root);
  const found = await Promise.all(
    [...new Set(paths)].map(async (path) => {
      try {
        const real = await realpath(join(root, path));
        const stats = await stat(real);
        if (stats.isDirectory()) return { path, real, bare: !(await isFile(join(real, "default.nix"))) };
        return { path, real, ...(!stats.isFile() && { special: specialKind(stats) }) };
      } catch {
        return { path, real: undefined, siblings: await namesIn(join(root, dirname(path))) };
      }
    }),
  );
  const within = found.filter(({ real }) => real !== undefined && inside(realRoot, real));
  return {
    existing: new Set(within.filter((entry) => !("special" in entry)).map(({ path }) => path)),
    special: new Map(within.flatMap((entry) => ("special" in entry && entry.special !== undefined ? [[entry.path, entry.special] as const] : []))),
    bareFolders: new Set(within.filter((entry) => "bare" in entry && entry.bare).map(({ path }) => path)),
    escaping: new Set(found.filter(({ real }) => real !== undefined && !inside(realRoot, real)).map(({ path }) => path)),
    siblings: new Map(found.flatMap(({ path, siblings }) => (siblings ? [[path, siblings] as const] : []))),
  };
};
