/**
 * What fleet code reads of the machine while it loads, beyond the modules it imports (which the
 * bundle's metafile lists): files it reads or tests itself, folders it lists, environment
 * variables. While a load is under way, Node's own `fs`, `fs.promises` and `process.env` are
 * wrapped (and `syncBuiltinESMExports` makes `import { readFileSync } from "node:fs"` see the
 * wrapper), so a read anywhere, in a fleet file, a helper, a package it uses, is observed before
 * it happens (see `cache/observations.ts`). What no observation can describe, running a program,
 * the network, writing files, makes the load's result one the run cache must not keep.
 *
 * Typeflake's own reads during the same moments are observed too (but for its own code and data,
 * which the run cache knows by its code identity): that can only add inputs, so it can cost a
 * cache miss, never a stale result.
 */
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { codeFolders } from "../cache/code-identity.ts";
import { ENVIRONMENT_NAMES, environmentObservation, fileObservation, folderObservation, observe, SPECIAL_FILE, type Observations } from "../cache/observations.ts";

/** What one load observed, and the first thing it did that no observation describes. */
export interface FleetReads {
  readonly observed: Observations;
  /** E.g. `child_process.execSync`: the load's result depends on more than its reads, so it is not cached. */
  readonly unrecordable?: string;
}

/** The functions that read what is in the file named by their first argument. */
const CONTENT_READS = ["readFile", "open", "openAsBlob", "createReadStream"] as const;
/** The functions that read the file named by their first argument, or test it. */
const FILE_READS = [...CONTENT_READS, "stat", "lstat", "access", "realpath", "readlink", "exists"] as const;
/** The functions that list the folder named by their first argument (`{ recursive: true }` lists below it). */
const FOLDER_READS = ["readdir", "opendir"] as const;
/** What changes the disk (a cached run would not do it again), or searches it as no observation describes. */
const UNRECORDABLE_FILE_CALLS = [
  "writeFile", "appendFile", "mkdir", "mkdtemp", "rm", "rmdir", "unlink", "rename", "copyFile", "cp", "symlink", "link",
  "truncate", "chmod", "chown", "utimes", "createWriteStream", "glob",
] as const;

/** A callable as the wrappers see it. */
type Callable = (...args: unknown[]) => unknown;

/** A function put in place of another, and how to put the original back. */
interface Patch {
  readonly target: Record<string, unknown>;
  readonly name: string;
  readonly original: Callable;
}

/** The recordings under way (`plan` loads two revisions at once); every read goes to all of them. */
const recordings = new Set<Map<string, string>>();
/** Per recording, the first thing it did that no observation describes. */
const unrecordable = new WeakMap<Map<string, string>, string>();
let patches: readonly Patch[] = [];
let ownEnvironment: NodeJS.ProcessEnv | undefined;
/** Set while an observation is made: its own stat and read go through the wrapped `fs` too. */
let observing = false;

/** Observe `key` for every recording that has not yet (once: the first answer is the one the load went on with); its value. */
const note = (key: string): string | undefined => {
  if (observing) return undefined;
  const unobserved = [...recordings].filter((recording) => !recording.has(key));
  if (unobserved.length === 0) return recordings.values().next().value?.get(key);
  observing = true;
  try {
    const value = observe(key);
    for (const recording of unobserved) recording.set(key, value);
    return value;
  } finally {
    observing = false;
  }
};

const refuse = (what: string): void => {
  if (observing) return;
  for (const recording of recordings) if (!unrecordable.has(recording)) unrecordable.set(recording, what);
};

/** The absolute path a path argument names, or undefined for a file descriptor or anything else. */
const absolutePathOf = (argument: unknown): string | undefined => {
  if (typeof argument === "string") return resolve(argument);
  if (Buffer.isBuffer(argument)) return resolve(argument.toString());
  if (argument instanceof URL && argument.protocol === "file:") return fileURLToPath(argument);
  return undefined;
};

/** typeflake's own code and data (its option index), as `folder/`: part of its code identity already. */
const CODE_FOLDERS = codeFolders().map((folder) => join(folder, sep));
/** The folders of the bundles being imported, as `folder/`: typeflake's own output, gone after the load. */
const bundleFolders = new Set<string>();

/** The path a call reads, unless it is none or typeflake's own. */
const pathOf = (argument: unknown): string | undefined => {
  const path = absolutePathOf(argument);
  if (path === undefined) return undefined;
  const own = (folder: string) => path.startsWith(folder);
  return CODE_FOLDERS.some(own) || [...bundleFolders].some(own) ? undefined : path;
};

/** Whether an `open` flag only reads (`"r"`, `"rs"`, `O_RDONLY`). */
const readsOnly = (flags: unknown): boolean =>
  flags === undefined || flags === null || (typeof flags === "string" ? !/[wa+]/.test(flags) : flags === fs.constants.O_RDONLY);

/** What a call of `name` with `args` observes, or why it cannot be recorded. */
const onFileCall = (name: string, args: readonly unknown[]): void => {
  const path = pathOf(args[0]);
  if (name === "open" && !readsOnly(args[1])) return refuse(`fs.${name} for writing`);
  if ((FILE_READS as readonly string[]).includes(name)) {
    const value = path === undefined ? undefined : note(fileObservation(path));
    if (value === SPECIAL_FILE && (CONTENT_READS as readonly string[]).includes(name)) refuse(`fs.${name} of ${path}, not a file`);
  } else if ((FOLDER_READS as readonly string[]).includes(name)) {
    if (path !== undefined) note(folderObservation(path, (args[1] as { recursive?: unknown } | undefined)?.recursive === true));
  } else {
    refuse(`fs.${name}`);
  }
};

/** `target[name]` replaced by a function that calls `before(args)` and then the original, keeping its properties (`realpathSync.native`, `promisify.custom`). */
const wrap = (target: Record<string, unknown>, name: string, before: (args: readonly unknown[]) => void): Patch[] => {
  const original = target[name];
  if (typeof original !== "function") return [];
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    before(args);
    return Reflect.apply(original as Callable, this, args);
  };
  for (const key of Reflect.ownKeys(original)) {
    if (key !== "prototype") Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key)!);
  }
  target[name] = wrapper;
  return [{ target, name, original: original as Callable }];
};

/** Every `fs` function the lists above name, in its callback, `Sync` and promise forms. */
const fileSystemPatches = (): Patch[] =>
  [...FILE_READS, ...FOLDER_READS, ...UNRECORDABLE_FILE_CALLS].flatMap((name) => [
    ...wrap(fs as unknown as Record<string, unknown>, name, (args) => onFileCall(name, args)),
    ...wrap(fs as unknown as Record<string, unknown>, `${name}Sync`, (args) => onFileCall(name, args)),
    ...wrap(fs.promises as unknown as Record<string, unknown>, name, (args) => onFileCall(name, args)),
  ]);

/** The Node modules whose functions reach beyond the machine's files (other programs, the network), and those functions. */
const EFFECTS: Readonly<Record<string, readonly string[]>> = {
  child_process: ["exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "fork"],
  http: ["request", "get"],
  https: ["request", "get"],
  http2: ["connect"],
  net: ["connect", "createConnection"],
  tls: ["connect"],
  dgram: ["createSocket"],
  dns: ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"],
};

const requireBuiltin = createRequire(import.meta.url);

/**
 * The built-in modules Node has loaded so far, by name. Loading `https` costs a run 7 ms, so the
 * modules of {@link EFFECTS} not loaded yet are not loaded to be wrapped: one first loaded while
 * fleet code loads is fleet code's, and is refused as a whole.
 */
const loadedBuiltins = (): ReadonlySet<string> => {
  const list = (process as { moduleLoadList?: readonly string[] }).moduleLoadList;
  // Without Node's list (another runtime), every module counts as loaded, and is wrapped.
  if (list === undefined) return new Set(Object.keys(EFFECTS));
  return new Set(list.flatMap((entry) => (entry.startsWith("NativeModule ") ? [entry.slice("NativeModule ".length)] : [])));
};

/** The modules of {@link EFFECTS} not loaded (so not wrapped) when the wrappers were put in place. */
let unwrappedEffects: readonly string[] = [];

/** The functions of {@link EFFECTS} in the modules loaded already, wrapped to refuse the recording. */
const effectPatches = (): Patch[] => {
  const loaded = loadedBuiltins();
  unwrappedEffects = Object.keys(EFFECTS).filter((module) => !loaded.has(module));
  return Object.entries(EFFECTS).flatMap(([module, names]) =>
    loaded.has(module) ? names.flatMap((name) => wrap(requireBuiltin(`node:${module}`) as Record<string, unknown>, name, () => refuse(`${module}.${name}`))) : [],
  );
};

const install = (): void => {
  patches = [
    ...fileSystemPatches(),
    ...effectPatches(),
    ...wrap(globalThis as unknown as Record<string, unknown>, "fetch", () => refuse("fetch")),
  ];
  ownEnvironment = process.env;
  process.env = new Proxy(ownEnvironment, {
    get: (target, key) => (typeof key === "string" && note(environmentObservation(key)), Reflect.get(target, key)),
    has: (target, key) => (typeof key === "string" && note(environmentObservation(key)), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (typeof key === "string" && note(environmentObservation(key)), Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => (note(ENVIRONMENT_NAMES), Reflect.ownKeys(target)),
  });
  syncBuiltinESMExports();
};

const uninstall = (): void => {
  for (const { target, name, original } of patches) target[name] = original;
  patches = [];
  if (ownEnvironment) process.env = ownEnvironment;
  ownEnvironment = undefined;
  syncBuiltinESMExports();
};

/**
 * Start observing what is read while the bundle in `bundleFolder` is imported; the function
 * returned stops and gives what was observed. The wrappers are in place from the first recording
 * started to the last one stopped.
 */
export const recordFleetReads = (bundleFolder: string): (() => FleetReads) => {
  const recording = new Map<string, string>();
  const folder = join(bundleFolder, sep);
  if (recordings.size === 0) install();
  recordings.add(recording);
  bundleFolders.add(folder);
  return () => {
    const loaded = loadedBuiltins();
    const effect = unwrappedEffects.find((module) => loaded.has(module));
    if (effect !== undefined && !unrecordable.has(recording)) unrecordable.set(recording, `node:${effect}, loaded while the fleet loaded`);
    recordings.delete(recording);
    bundleFolders.delete(folder);
    if (recordings.size === 0) uninstall();
    const refused = unrecordable.get(recording);
    return { observed: Object.fromEntries(recording), ...(refused !== undefined && { unrecordable: refused }) };
  };
};
