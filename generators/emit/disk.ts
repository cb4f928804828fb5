/**
 * What is on disk at the paths a run cares about, read in one pass before anything is decided,
 * so the decision (`planActions`) is a pure function of data and can be tested without a disk.
 */
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { mapConcurrently } from "../concurrency.ts";
import { contentHash } from "./manifest.ts";
import { ancestorDirectories } from "./paths.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** What occupies one relative path under the root. */
export type DiskEntry =
  | { readonly kind: "absent" }
  | {
      readonly kind: "file";
      /** The content decoded as UTF-8, for the header test and diffs. */
      readonly text: string;
      /** Hex SHA-256 of the raw bytes, so comparisons are byte-exact whatever the encoding. */
      readonly sha256: string;
      /** Permission bits (`0o644`, `0o755`, …), kept when typeflake replaces the file. */
      readonly mode: number;
    }
  | {
      readonly kind: "not-a-file";
      /** What is there instead, as messages say it: `a directory`, `a symbolic link`, … */
      readonly what: string;
    }
  /** A directory above the path exists but is not a directory (a file, a dangling link). */
  | { readonly kind: "parent-not-directory"; readonly parent: string }
  /** A directory above the path is a symbolic link leading out of the root. */
  | { readonly kind: "outside-root"; readonly link: string };

/** Disk entries by relative path. */
export type DiskState = ReadonlyMap<string, DiskEntry>;

/** The disk state, or the first path that could not be read. */
export type DiskRead = { readonly ok: true; readonly disk: DiskState } | { readonly ok: false; readonly problem: EmitProblem };

const ABSENT: DiskEntry = { kind: "absent" };

/** Files read at once. */
const READ_CONCURRENCY = 32;

/** Read what is at each of `paths` (relative, already validated) under `root`. */
export async function readDisk(root: string, paths: Iterable<string>): Promise<DiskRead> {
  const entries = new Map<string, DiskEntry>();
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch (cause) {
    return { ok: false, problem: problems.io(".", "opened as the fleet root", cause) };
  }
  const all = [...paths];
  let failed = false;
  // Every host's files share the folders above them (`hosts/`): each folder is examined once.
  const folders = new Map<string, Promise<DiskEntry | undefined>>();
  const folderBlock = (directory: string): Promise<DiskEntry | undefined> => {
    const known = folders.get(directory);
    if (known) return known;
    const block = directoryBlock(join(root, directory), realRoot, directory);
    folders.set(directory, block);
    return block;
  };
  const read = async (path: string): Promise<DiskEntry | EmitProblem> => {
    try {
      return await readEntry(root, folderBlock, path);
    } catch (cause) {
      failed = true;
      return problems.io(path, "read", cause);
    }
  };
  // Many small files: reading several at once keeps the disk (and the event loop) busy.
  const results = await mapConcurrently(all, READ_CONCURRENCY, read, () => failed);
  for (const [index, path] of all.entries()) {
    const result = results[index];
    if (result === undefined) continue;
    if ("code" in result) return { ok: false, problem: result };
    entries.set(path, result);
  }
  return { ok: true, disk: entries };
}

async function readEntry(root: string, folderBlock: (directory: string) => Promise<DiskEntry | undefined>, path: string): Promise<DiskEntry> {
  for (const directory of ancestorDirectories(path)) {
    const blocked = await folderBlock(directory);
    if (blocked) return blocked;
  }
  const absolute = join(root, path);
  const stats = await lstatIfExists(absolute);
  if (!stats) return ABSENT;
  if (stats.isSymbolicLink()) return { kind: "not-a-file", what: "a symbolic link" };
  if (stats.isDirectory()) return { kind: "not-a-file", what: "a directory" };
  if (!stats.isFile()) return { kind: "not-a-file", what: "a special file (socket, FIFO or device)" };
  const bytes = await readFile(absolute);
  return { kind: "file", text: bytes.toString("utf8"), sha256: contentHash(bytes), mode: stats.mode & 0o7777 };
}

/**
 * Why files cannot go below `directory`, `ABSENT` when it does not exist (nor anything below it),
 * or `undefined` when it is a usable directory inside the root.
 */
async function directoryBlock(absolute: string, realRoot: string, directory: string): Promise<DiskEntry | undefined> {
  const stats = await lstatIfExists(absolute);
  if (!stats) return ABSENT;
  if (stats.isDirectory()) return undefined;
  if (!stats.isSymbolicLink()) return { kind: "parent-not-directory", parent: directory };
  const target = await realpath(absolute).catch(() => undefined);
  if (target === undefined) return { kind: "parent-not-directory", parent: directory };
  if (!isInside(realRoot, target)) return { kind: "outside-root", link: directory };
  return (await stat(target)).isDirectory() ? undefined : { kind: "parent-not-directory", parent: directory };
}

function isInside(realRoot: string, target: string): boolean {
  const rel = relative(realRoot, target);
  return rel === "" || !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

async function lstatIfExists(absolute: string) {
  try {
    return await lstat(absolute);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
}
