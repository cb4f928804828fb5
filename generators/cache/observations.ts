/**
 * What fleet code found out about the machine while it loaded, besides the files it imports: a
 * file it read itself (`readFileSync("./keys/alice.pub")`), whether a path exists, the names in a
 * folder, an environment variable, the machine's host name. Each is an observation: a key naming
 * what was looked at, and a value that changes whenever the answer could (a content hash, a
 * listing's hash). The run cache keeps the observations a run made and reuses its result only
 * while every one of them still gives the same value, the way Gradle's configuration cache treats
 * the files and environment variables a build script reads.
 *
 * Values are hashes, never the text read: a record must not keep a secret an environment variable
 * or a key file holds.
 */
import { lstatSync, readdirSync, readlinkSync, type Dirent } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import type { HashMemo } from "../hash-memo.ts";
import { realPathOf, statOf } from "../stat-of.ts";
import { ABSENT, hashFiles } from "./file-hashes.ts";

/** Observation key → the value it gave when the run made it. */
export type Observations = Readonly<Record<string, string>>;

/** The content value of a folder, where a file's is its hash. */
const FOLDER = "folder";
/**
 * The content value of what is neither a file nor a folder (a device, a pipe, a socket): never
 * read, since reading `/dev/urandom` or a serial port would not end. What is read from one is no
 * input a record can keep (see `fleet-reads.ts`).
 */
export const SPECIAL_FILE = "special";

/** What the file at `path` (absolute) holds: its hash, or that it is a folder, something else, unreadable or absent. Asked by a read or an open. */
export const contentObservation = (path: string): string => `file:${path}`;

/** What a `stat`, an existence test or `access` of `path` (absolute, links followed) tells: kind, size, times, owner, mode, real path. */
export const statObservation = (path: string): string => `stat:${path}`;

/** What an `lstat` or `readlink` of `path` (absolute) tells: a link's target, or as {@link statObservation}. */
export const linkObservation = (path: string): string => `link:${path}`;

/** The names (and kinds) in the folder at `path` (absolute), and with `recursive` in every folder below it, as Node lists them. */
export const folderObservation = (path: string, recursive: boolean): string => `${recursive ? "tree" : "folder"}:${path}`;

/** The kinds of observation whose key names a path: a file's content, a stat, a link, a folder's names (and a tree's). */
const PATH_KINDS = new Set(["file", "stat", "link", "folder", "tree"]);

/**
 * The path an observation's key names (absolute), and whether the observation listed that folder;
 * undefined for those that name none (environment variables, `node:os`, the working folder, the
 * command line).
 */
export const observedPath = (key: string): { readonly path: string; readonly listed: boolean } | undefined => {
  const colon = key.indexOf(":");
  const kind = key.slice(0, colon);
  return PATH_KINDS.has(kind) ? { path: key.slice(colon + 1), listed: kind === "folder" || kind === "tree" } : undefined;
};

/** The value of the environment variable `name`. */
export const environmentObservation = (name: string): string => `env:${name}`;

/** The names of all environment variables (fleet code enumerated `process.env`). */
export const ENVIRONMENT_NAMES = "env-names:";

/** The working folder, which a relative path is read from. */
export const WORKING_FOLDER = "cwd:";

/** The command line typeflake was run with (`process.argv`), which fleet code read. */
export const COMMAND_LINE = "argv:";

/** What the `node:os` function `name` (no arguments: `hostname`, `homedir`, …) answers. */
export const systemObservation = (name: string): string => `os:${name}`;

/**
 * What every recorded load observes, whether or not fleet code asks: the time zone and locale
 * that `Date` and `Intl` take from the environment and `/etc/localtime` without asking `fs` or
 * `process.env` (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
 */
export const ALWAYS_OBSERVED: readonly string[] = ["TZ", "LANG", "LC_ALL"].map(environmentObservation).concat(contentObservation("/etc/localtime"));

const contentValue = (path: string, memo: HashMemo | undefined): string => {
  const stats = statOf(path);
  if (stats === undefined) return ABSENT;
  if (stats.isDirectory()) return FOLDER;
  if (!stats.isFile()) return SPECIAL_FILE;
  const hash = hashFiles([path], memo).get(path)!;
  // There, but not readable (permissions, larger than Node reads at once): not "absent".
  return hash === ABSENT ? `unreadable ${stats.size} ${stats.mtimeMs} ${stats.mode}` : hash;
};

const statValue = (path: string): string => {
  const stats = statOf(path);
  if (stats === undefined) return ABSENT;
  const kind = stats.isFile() ? "file" : stats.isDirectory() ? "folder" : "special";
  // A folder's size and times change with every file written in it, typeflake's own included.
  const sized = kind === "folder" ? {} : { size: stats.size, mtimeMs: stats.mtimeMs };
  return contentHash(JSON.stringify({ kind, ...sized, mode: stats.mode, uid: stats.uid, gid: stats.gid, real: realPathOf(path) }));
};

const linkValue = (path: string): string => {
  try {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return ABSENT;
    return stats.isSymbolicLink() ? contentHash(`symlink ${readlinkSync(path)}`) : statValue(path);
  } catch {
    return ABSENT;
  }
};

/**
 * One line per entry of the folder at `path` (and below it, with `recursive`, following links to
 * folders as Node's recursive listing does, each real folder once): kind and path.
 */
const listingLines = (path: string, recursive: boolean, seen: Set<string>): string[] =>
  readdirSync(path, { withFileTypes: true }).flatMap((entry: Dirent) => {
    const below = join(path, entry.name);
    const line = `${entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : "f"} ${below}`;
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && statOf(below)?.isDirectory() === true);
    const real = recursive && folder ? realPathOf(below) : undefined;
    if (real === undefined || seen.has(real)) return [line];
    seen.add(real);
    return [line, ...listingLines(below, true, seen)];
  });

const folderValue = (path: string, recursive: boolean): string => {
  try {
    return contentHash(listingLines(path, recursive, new Set([realPathOf(path) ?? path])).sort().join("\n"));
  } catch {
    return statOf(path) === undefined ? ABSENT : "not a folder";
  }
};

const environmentValue = (name: string): string => {
  const value = process.env[name];
  return value === undefined ? ABSENT : contentHash(value);
};

const systemValue = (name: string): string => {
  const answer = (os as unknown as Record<string, () => unknown>)[name]?.();
  return contentHash(JSON.stringify(answer) ?? "undefined");
};

/** The value the observation `key` gives now; files whose stat `memo` remembers are not read. */
export const observe = (key: string, memo?: HashMemo): string => {
  const colon = key.indexOf(":");
  const kind = key.slice(0, colon);
  const subject = key.slice(colon + 1);
  switch (kind) {
    case "file":
      return contentValue(subject, memo);
    case "stat":
      return statValue(subject);
    case "link":
      return linkValue(subject);
    case "folder":
    case "tree":
      return folderValue(subject, kind === "tree");
    case "env":
      return environmentValue(subject);
    case "env-names":
      return contentHash(Object.keys(process.env).sort().join("\n"));
    case "cwd":
      return contentHash(process.cwd());
    case "argv":
      return contentHash(JSON.stringify(process.argv));
    case "os":
      return systemValue(subject);
    default:
      // Only a record of another typeflake could hold another kind, and its code already differs.
      return `unknown observation ${key}`;
  }
};

/** Whether every observation in `recorded` still gives the value it gave. */
export const stillObserved = (recorded: Observations, memo?: HashMemo): boolean =>
  Object.entries(recorded).every(([key, value]) => observe(key, memo) === value);
