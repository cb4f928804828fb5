/**
 * What fleet code found out about the machine while it loaded, besides the files it imports: a
 * file it read itself (`readFileSync("./keys/alice.pub")`), whether a path exists, the names in a
 * folder, an environment variable. Each is an observation: a key naming what was looked at, and
 * a value that changes whenever the answer could (a content hash, a listing's hash). The run
 * cache keeps the observations a run made and reuses its result only while every one of them
 * still gives the same value, the way Gradle's configuration cache treats the files and
 * environment variables a build script reads.
 *
 * Values are hashes, never the text read: a record must not keep a secret an environment variable
 * or a key file holds.
 */
import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import type { HashMemo } from "../hash-memo.ts";
import { statOf } from "../stat-of.ts";
import { ABSENT, hashFiles } from "./file-hashes.ts";

/** Observation key → the value it gave when the run made it. */
export type Observations = Readonly<Record<string, string>>;

/** The value of a path that is a folder, where a file's is its hash. */
const FOLDER = "folder";
/**
 * The value of a path that is neither a file nor a folder (a device, a pipe, a socket): never
 * read, since reading `/dev/urandom` or a serial port would not end. What is read from one is no
 * input a record can keep (see `fleet-reads.ts`).
 */
export const SPECIAL_FILE = "special";

/** What the file at `path` (absolute) holds: its hash, {@link FOLDER}, {@link SPECIAL_FILE} or {@link ABSENT}. Asked by a read, a stat, an existence test, an open. */
export const fileObservation = (path: string): string => `file:${path}`;

/** The names (and kinds) in the folder at `path` (absolute), and with `recursive` in every folder below it. */
export const folderObservation = (path: string, recursive: boolean): string => `${recursive ? "tree" : "folder"}:${path}`;

/** The value of the environment variable `name`. */
export const environmentObservation = (name: string): string => `env:${name}`;

/** The names of all environment variables (fleet code enumerated `process.env`). */
export const ENVIRONMENT_NAMES = "env-names:";

const fileValue = (path: string, memo: HashMemo | undefined): string => {
  const stats = statOf(path);
  if (stats === undefined) return ABSENT;
  if (stats.isDirectory()) return FOLDER;
  return stats.isFile() ? hashFiles([path], memo).get(path)! : SPECIAL_FILE;
};

/** One line per entry of the folder at `path` (and below it, with `recursive`): kind and path; the kind matters as much as the name (`withFileTypes`). */
const listingLines = (path: string, recursive: boolean): string[] =>
  readdirSync(path, { withFileTypes: true }).flatMap((entry: Dirent) => {
    const below = join(path, entry.name);
    const line = `${entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : "f"} ${below}`;
    return recursive && entry.isDirectory() ? [line, ...listingLines(below, true)] : [line];
  });

const folderValue = (path: string, recursive: boolean): string => {
  try {
    return contentHash(listingLines(path, recursive).sort().join("\n"));
  } catch {
    return ABSENT;
  }
};

const environmentValue = (name: string): string => {
  const value = process.env[name];
  return value === undefined ? ABSENT : contentHash(value);
};

/** The value the observation `key` gives now; files whose stat `memo` remembers are not read. */
export const observe = (key: string, memo?: HashMemo): string => {
  const colon = key.indexOf(":");
  const kind = key.slice(0, colon);
  const subject = key.slice(colon + 1);
  switch (kind) {
    case "file":
      return fileValue(subject, memo);
    case "folder":
    case "tree":
      return folderValue(subject, kind === "tree");
    case "env":
      return environmentValue(subject);
    case "env-names":
      return contentHash(Object.keys(process.env).sort().join("\n"));
    default:
      // Only a record of another typeflake could hold another kind, and its code already differs.
      return `unknown observation ${key}`;
  }
};

/** Whether every observation in `recorded` still gives the value it gave. */
export const stillObserved = (recorded: Observations, memo?: HashMemo): boolean =>
  Object.entries(recorded).every(([key, value]) => observe(key, memo) === value);
