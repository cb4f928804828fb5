/**
 * What `generate` wrote into a fleet folder: every file that is not one of the fleet's sources
 * (the Nix files, the manifest), with its size.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

/** One generated file, relative to the fleet root with `/` separators. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: number;
}

/** Every file under `root`, relative, with `/` separators. */
const allFiles = async (root: string): Promise<string[]> => {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1).split("\\").join("/"));
};

/** The files under `root` that are not in `sources`. */
export const generatedFiles = async (root: string, sources: ReadonlySet<string>): Promise<OutputFile[]> => {
  const paths = (await allFiles(root)).filter((path) => !sources.has(path)).sort();
  return Promise.all(paths.map(async (path) => ({ path, bytes: (await stat(join(root, path))).size })));
};

/**
 * WireGuard peer entries in the generated host files: each peer sets `publicKey`, and an
 * interface itself never does (it takes a private key file).
 */
export const countPeerEntries = async (root: string, files: readonly OutputFile[]): Promise<number> => {
  const hostFiles = files.filter((file) => /^hosts\/[^/]+\/default\.nix$/.test(file.path));
  const counts = await Promise.all(
    hostFiles.map(async (file) => (await readFile(join(root, file.path), "utf8")).match(/^\s*publicKey = /gm)?.length ?? 0),
  );
  return counts.reduce((sum, count) => sum + count, 0);
};
