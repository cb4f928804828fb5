/**
 * What keeps typeflake from reading a fleet file or listing a fleet folder. Discovery used to ask
 * only "is it a regular file?", so a host.ts that was a folder, a dangling link or unreadable read
 * as "the host folder has no host.ts", a `hosts` written as a file read as a fleet without hosts,
 * and a named pipe was handed to the loader, which waited on it forever.
 */
import { accessSync, constants, lstatSync, readlinkSync, type Stats, statSync } from "node:fs";
import type { PathProblem } from "../diagnostics/codes/load.ts";

/** The system's error code of a failed call (`ENOENT`, `EACCES`, …). */
const codeOf = (cause: unknown): string => (cause as NodeJS.ErrnoException).code ?? "EIO";

/** Why nothing can be stat-ed at `path`; undefined when nothing at all is there, not even a link. */
const unstatable = (path: string, code: string): PathProblem | undefined => {
  if (code === "ELOOP") return { kind: "link-loop" };
  if (code !== "ENOENT" && code !== "ENOTDIR") return { kind: "unreadable", code };
  // stat follows links: a link whose target is missing answers ENOENT too, and only lstat tells.
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? { kind: "dangling-link", target: readlinkSync(path) } : undefined;
};

/** How a user knows what is neither a regular file nor a folder. */
export const specialKind = (stats: Stats): string =>
  stats.isFIFO() ? "a named pipe (FIFO)" : stats.isSocket() ? "a socket" : "a device";

/** Why this process may not read (or, for a folder, list) what is at `path`; undefined when it may. */
const accessProblem = (path: string, mode: number): PathProblem | undefined => {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (cause) {
    return { kind: "unreadable", code: codeOf(cause) };
  }
};

/**
 * Why what is at `path` cannot be read as the `expected` file or listed as the `expected` folder;
 * undefined when it can, or when nothing is there at all (whether that is a problem is the
 * caller's to say: a missing `overlays/` is none, a missing host.ts is).
 */
export const pathProblem = (path: string, expected: "file" | "folder"): PathProblem | undefined => {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    return unstatable(path, codeOf(cause));
  }
  if (stats.isDirectory()) return expected === "folder" ? accessProblem(path, constants.R_OK | constants.X_OK) : { kind: "folder" };
  if (stats.isFile()) return expected === "file" ? accessProblem(path, constants.R_OK) : { kind: "file" };
  return { kind: "special", what: specialKind(stats) };
};
