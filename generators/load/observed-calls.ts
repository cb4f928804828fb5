/**
 * What each call fleet code makes to Node's `fs` and `os` tells it about the machine, as an
 * observation the run cache can check again (`cache/observations.ts`), or why no observation can
 * describe it. Pure: the recording (`fleet-reads.ts`) makes the observations.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { contentObservation, folderObservation, linkObservation, statObservation, systemObservation, WORKING_FOLDER } from "../cache/observations.ts";

/** What one call observes: the observation keys, whether a content read must be of a file, or why it cannot be recorded. */
export interface CallObservation {
  readonly observe?: readonly string[];
  /** The observation (a content one) whose value must not be a device or pipe: what is read from one is no input. */
  readonly readsContentOf?: string;
  readonly refuse?: string;
}

/** The functions that read what is in the file named by their first argument. */
export const CONTENT_READS = ["readFile", "open", "openAsBlob", "createReadStream"] as const;
/** The functions that test the file named by their first argument, links followed. */
export const STAT_READS = ["stat", "access", "exists", "realpath", "statfs"] as const;
/** The functions that test the path named by their first argument itself, a link not followed. */
export const LINK_READS = ["lstat", "readlink"] as const;
/** The functions that list the folder named by their first argument (`{ recursive: true }` lists below it). */
export const FOLDER_READS = ["readdir", "opendir"] as const;
/** The functions that read from a file descriptor: only standard input (0) was not opened by an observed call. */
export const DESCRIPTOR_READS = ["read", "readv"] as const;
/** What changes the disk (a cached run would not do it again), or searches it as no observation describes. */
export const UNRECORDABLE_FILE_CALLS = [
  "writeFile", "appendFile", "mkdir", "mkdtemp", "rm", "rmdir", "unlink", "rename", "copyFile", "cp", "symlink", "link",
  "truncate", "chmod", "lchmod", "chown", "lchown", "utimes", "lutimes", "createWriteStream", "glob",
] as const;

/** `node:os` functions whose answer stays the same from run to run, so an observation can hold it. */
export const STEADY_SYSTEM_CALLS = [
  "hostname", "homedir", "tmpdir", "userInfo", "networkInterfaces", "release", "version", "machine", "type", "platform", "arch", "endianness",
  "availableParallelism", "totalmem",
] as const;
/** `node:os` functions whose answer changes by the second: a load that asks cannot be recorded. */
export const CHANGING_SYSTEM_CALLS = ["cpus", "freemem", "loadavg", "uptime", "getPriority"] as const;

/** What a path argument names: an absolute path (and whether it was relative), a descriptor, or something not understood. */
type PathArgument = { readonly path: string; readonly relative: boolean } | { readonly descriptor: number } | undefined;

const isFileUrl = (value: object): value is { readonly href: string } =>
  typeof (value as { href?: unknown }).href === "string" && (value as { protocol?: unknown }).protocol === "file:";

/** What a path argument names; `URL`s from any realm, `Buffer`s and other `Uint8Array`s, a `FileHandle` by its descriptor. */
const pathArgument = (argument: unknown): PathArgument => {
  if (typeof argument === "number") return { descriptor: argument };
  const text = typeof argument === "string" ? argument : argument instanceof Uint8Array ? Buffer.from(argument).toString() : undefined;
  if (text !== undefined) return { path: resolve(text), relative: !text.startsWith("/") };
  if (typeof argument !== "object" || argument === null) return undefined;
  if (isFileUrl(argument)) return { path: fileURLToPath(argument.href), relative: false };
  const descriptor = (argument as { fd?: unknown }).fd;
  return typeof descriptor === "number" ? { descriptor } : undefined;
};

/** Whether an `open` flag only reads (`"r"`, `"rs"`, `O_RDONLY`); a callback in its place leaves the default, `"r"`. */
const readsOnly = (flags: unknown, readOnly: number): boolean =>
  flags === undefined || flags === null || typeof flags === "function" || (typeof flags === "string" ? !/[wa+]/.test(flags) : flags === readOnly);

const includes = (names: readonly string[], name: string): boolean => names.includes(name);

/** The observation of a path-taking call `name` (its callback, `Sync` and promise forms alike) given `args`; `readOnly` is `O_RDONLY`. */
export const fileCallObservation = (name: string, args: readonly unknown[], readOnly: number): CallObservation => {
  if (includes(UNRECORDABLE_FILE_CALLS, name)) return { refuse: `fs.${name}` };
  if (name === "open" && !readsOnly(args[1], readOnly)) return { refuse: `fs.${name} for writing` };
  const argument = pathArgument(args[0]);
  if (argument === undefined) return { refuse: `fs.${name} of a path typeflake cannot tell (${typeof args[0]})` };
  if ("descriptor" in argument) return argument.descriptor === 0 ? { refuse: `fs.${name} of standard input` } : {};
  if (includes(DESCRIPTOR_READS, name)) return {};
  const { path, relative } = argument;
  const key = includes(CONTENT_READS, name)
    ? contentObservation(path)
    : includes(STAT_READS, name)
      ? statObservation(path)
      : includes(LINK_READS, name)
        ? linkObservation(path)
        : folderObservation(path, (args[1] as { recursive?: unknown } | null | undefined)?.recursive === true);
  return { observe: relative ? [WORKING_FOLDER, key] : [key], ...(includes(CONTENT_READS, name) && { readsContentOf: key }) };
};

/** The observation of the `node:os` call `name`. */
export const systemCallObservation = (name: string): CallObservation =>
  includes(CHANGING_SYSTEM_CALLS, name) ? { refuse: `os.${name}, which changes from moment to moment` } : { observe: [systemObservation(name)] };
