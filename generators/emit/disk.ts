/**
 * What is on disk at the paths a run cares about, read in one pass before anything is decided,
 * so the decision (`planActions`) is a pure function of data and can be tested without a disk.
 *
 * The reads are synchronous: a fleet's generated files are a thousand small local files, and an
 * asynchronous read costs a thread-pool round trip and several promises per call, three times
 * the CPU of the read itself (1,000 hosts, warm cache: ~150 ms against ~50 ms).
 */
import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { HashMemo } from "../hash-memo.ts";
import type { Listings } from "./listings.ts";
import { contentHash, type Manifest } from "./manifest.ts";
import { ancestorDirectories } from "./paths.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** What occupies one relative path under the root. */
export type DiskEntry =
  | { readonly kind: "absent" }
  | {
      readonly kind: "file";
      /** The raw content; {@link textOf} decodes it, only for the files whose text is needed (most are merely compared by hash). */
      readonly bytes: Buffer;
      /** Hex SHA-256 of the raw bytes, so comparisons are byte-exact whatever the encoding. */
      readonly sha256: string;
      /** Permission bits (`0o644`, `0o755`, …), kept when typeflake replaces the file. */
      readonly mode: number;
    }
  /**
   * A regular file not read: its stat is the one it had when a run hashed it (see `hash-memo.ts`),
   * and that hash is the planned file's. Only a planned path is ever taken for one.
   */
  | { readonly kind: "planned-file" }
  | {
      readonly kind: "not-a-file";
      /** What is there instead, as messages say it: `a directory`, `a symbolic link`, … */
      readonly what: string;
    }
  /** A directory above the path exists but is not a directory (a file, a dangling link). */
  | { readonly kind: "parent-not-directory"; readonly parent: string }
  /** A directory above the path is a symbolic link leading out of the root. */
  | { readonly kind: "outside-root"; readonly link: string };

/** A file's content decoded as UTF-8, for the header test and diffs. */
export const textOf = (entry: Extract<DiskEntry, { kind: "file" }>): string => entry.bytes.toString("utf8");

/** Disk entries by relative path. */
export type DiskState = ReadonlyMap<string, DiskEntry>;

/** The disk state, or the first path that could not be read. */
export type DiskRead = { readonly ok: true; readonly disk: DiskState } | { readonly ok: false; readonly problem: EmitProblem };

const ABSENT: DiskEntry = { kind: "absent" };

/** What spares reading planned files: hashes known by stat, and the planned files' hashes. */
export interface KnownHashes {
  readonly memo: HashMemo;
  /** The manifest of the plan (`manifestOf`): each planned file's hash. */
  readonly planned: Manifest;
}

/**
 * Read what is at each of `paths` (relative, already validated) under `root`, telling what each
 * path is from its folder's entry in `listings` (listed once for every path in the folder). With
 * `known`, a planned file whose stat shows it still holds the planned bytes is not read, and the
 * hashes of the files read are remembered.
 */
export function readDisk(root: string, paths: Iterable<string>, listings: Listings, known?: KnownHashes): DiskRead {
  const entries = new Map<string, DiskEntry>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (cause) {
    return { ok: false, problem: problems.io(".", "opened as the fleet root", cause) };
  }
  // Every host's files share the folders above them (`hosts/`): each folder is examined once.
  const folders = new Map<string, DiskEntry | undefined>();
  const folderBlock = (directory: string): DiskEntry | undefined => {
    if (folders.has(directory)) return folders.get(directory);
    const block = directoryBlock(root, listings, realRoot, directory);
    folders.set(directory, block);
    return block;
  };
  for (const path of paths) {
    try {
      entries.set(path, readEntry(root, listings, folderBlock, path, known));
    } catch (cause) {
      return { ok: false, problem: problems.io(path, "read", cause) };
    }
  }
  return { ok: true, disk: entries };
}

type FolderBlock = (directory: string) => DiskEntry | undefined;

const PLANNED_FILE: DiskEntry = { kind: "planned-file" };

function readEntry(root: string, listings: Listings, folderBlock: FolderBlock, path: string, known: KnownHashes | undefined): DiskEntry {
  for (const directory of ancestorDirectories(path)) {
    const blocked = folderBlock(directory);
    if (blocked) return blocked;
  }
  const found = look(root, listings, path);
  if (!found) return ABSENT;
  const other = notAFile(found);
  if (other) return other;
  const absolute = join(root, path);
  const planned = known?.planned.get(path)?.sha256;
  if (planned !== undefined) {
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    if (stats?.isFile() && known!.memo.hashOf(absolute, stats) === planned) return PLANNED_FILE;
  }
  const readFrom = Date.now();
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    // Replaced by something else since it was listed: report what is there now.
    const replaced = notAFile(stats);
    if (replaced) return replaced;
    const bytes = readUpTo(fd, stats.size);
    const sha256 = contentHash(bytes);
    known?.memo.remember(absolute, stats, sha256, readFrom);
    return { kind: "file", bytes, sha256, mode: stats.mode & 0o7777 };
  } finally {
    closeSync(fd);
  }
}

/**
 * What is at `path`: its entry in its folder's listing or, when the listing has no such name
 * (absent, made since, or named in another case on a case-insensitive disk), an `lstat`.
 */
function look(root: string, listings: Listings, path: string): Dirent | Stats | undefined {
  const slash = path.lastIndexOf("/");
  const listed = listings(slash === -1 ? "" : path.slice(0, slash)).get(path.slice(slash + 1));
  return listed ?? lstatSync(join(root, path), { throwIfNoEntry: false });
}

/** Why something found is not a regular file, or `undefined` when it is one. */
function notAFile(found: Dirent | Stats): DiskEntry | undefined {
  if (found.isSymbolicLink()) return { kind: "not-a-file", what: "a symbolic link" };
  if (found.isDirectory()) return { kind: "not-a-file", what: "a directory" };
  if (!found.isFile()) return { kind: "not-a-file", what: "a special file (socket, FIFO or device)" };
  return undefined;
}

/** The first `size` bytes of an open file (fewer if it shrank), as `readFileSync` reads a regular file. */
function readUpTo(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const chunk = readSync(fd, bytes, read, size - read, read);
    if (chunk === 0) break;
    read += chunk;
  }
  return bytes.subarray(0, read);
}

/**
 * Why files cannot go below `directory`, `ABSENT` when it does not exist (nor anything below it),
 * or `undefined` when it is a usable directory inside the root.
 */
function directoryBlock(root: string, listings: Listings, realRoot: string, directory: string): DiskEntry | undefined {
  const stats = look(root, listings, directory);
  if (!stats) return ABSENT;
  if (stats.isDirectory()) return undefined;
  if (!stats.isSymbolicLink()) return { kind: "parent-not-directory", parent: directory };
  const target = realpathIfExists(join(root, directory));
  if (target === undefined) return { kind: "parent-not-directory", parent: directory };
  if (!isInside(realRoot, target)) return { kind: "outside-root", link: directory };
  return statSync(target).isDirectory() ? undefined : { kind: "parent-not-directory", parent: directory };
}

function isInside(realRoot: string, target: string): boolean {
  const rel = relative(realRoot, target);
  return rel === "" || !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** Where a symbolic link leads, `undefined` when it dangles (or loops). */
function realpathIfExists(absolute: string): string | undefined {
  try {
    return realpathSync(absolute);
  } catch {
    return undefined;
  }
}
