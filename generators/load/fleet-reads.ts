/**
 * What fleet code reads of the machine while it loads, beyond the modules it imports (which the
 * bundle's metafile lists): files it reads or tests itself, folders it lists, environment
 * variables, what `node:os` says. While a load is under way, Node's own `fs`, `fs.promises`,
 * `os` and `process.env` are wrapped (and `syncBuiltinESMExports` makes
 * `import { readFileSync } from "node:fs"` see the wrapper), so a read anywhere, in a fleet file,
 * a helper, a package it uses, is observed before it happens (see `observed-calls.ts` and
 * `cache/observations.ts`). What no observation can describe, running a program or a worker, the
 * network, writing files, reading a device or standard input, makes the load's result one the
 * run cache must not keep.
 *
 * Typeflake's own reads during the same moments are observed too (but for its own code and data,
 * which the run cache knows by its code identity): that can only add inputs, so it can cost a
 * cache miss, never a stale result.
 */
import dgram from "node:dgram";
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import net from "node:net";
import os from "node:os";
import { join, sep } from "node:path";
import { codeFolders } from "../cache/code-identity.ts";
import { ALWAYS_OBSERVED, COMMAND_LINE, ENVIRONMENT_NAMES, environmentObservation, observe, SPECIAL_FILE, type Observations } from "../cache/observations.ts";
import {
  CHANGING_SYSTEM_CALLS,
  CONTENT_READS,
  DESCRIPTOR_READS,
  fileCallObservation,
  FOLDER_READS,
  LINK_READS,
  STAT_READS,
  STEADY_SYSTEM_CALLS,
  systemCallObservation,
  UNRECORDABLE_FILE_CALLS,
  type CallObservation,
} from "./observed-calls.ts";
import { patch, unpatch, type Patch } from "./patch.ts";

/** What one load observed, and the first thing it did that no observation describes. */
export interface FleetReads {
  readonly observed: Observations;
  /** E.g. `child_process.execSync`: the load's result depends on more than its reads, so it is not cached. */
  readonly unrecordable?: string;
}

/** The recordings under way (`plan` loads two revisions at once); every read goes to all of them. */
const recordings = new Set<Map<string, string>>();
/** Per recording, the first thing it did that no observation describes. */
const unrecordable = new WeakMap<Map<string, string>, string>();
let patches: readonly Patch[] = [];
let ownEnvironment: NodeJS.ProcessEnv | undefined;
let ownArguments: string[] | undefined;
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

/** typeflake's own code and data (its option index), as `folder/`: part of its code identity already. */
const CODE_FOLDERS = codeFolders().map((folder) => join(folder, sep));
/** The folders of the bundles being imported, as `folder/`: typeflake's own output, gone after the load. */
const bundleFolders = new Set<string>();

/** Whether an observation key is of typeflake's own files. */
const isOwn = (key: string): boolean => {
  const path = key.slice(key.indexOf(":") + 1);
  const inside = (folder: string) => path.startsWith(folder);
  return CODE_FOLDERS.some(inside) || [...bundleFolders].some(inside);
};

const apply = ({ observe: keys = [], readsContentOf, refuse: refused }: CallObservation): void => {
  if (refused !== undefined) return refuse(refused);
  for (const key of keys) {
    if (isOwn(key)) continue;
    const value = note(key);
    if (key === readsContentOf && value === SPECIAL_FILE) refuse(`a read of ${key.slice(key.indexOf(":") + 1)}, which is not a file`);
  }
};

/** Every `fs` function observed or refused, in its callback, `Sync` and promise forms, and `realpath`'s `native` ones. */
const fileSystemPatches = (): Patch[] => {
  const readOnly = fs.constants.O_RDONLY;
  const names = [...CONTENT_READS, ...STAT_READS, ...LINK_READS, ...FOLDER_READS, ...DESCRIPTOR_READS, ...UNRECORDABLE_FILE_CALLS];
  const observed = (name: string) => (args: readonly unknown[]) => apply(fileCallObservation(name, args, readOnly));
  return [
    ...patch(fs.realpath, "native", observed("realpath")),
    ...patch(fs.realpathSync, "native", observed("realpath")),
    ...names.flatMap((name) => [...patch(fs, name, observed(name)), ...patch(fs, `${name}Sync`, observed(name)), ...patch(fs.promises, name, observed(name))]),
  ];
};

const systemPatches = (): Patch[] =>
  [...STEADY_SYSTEM_CALLS, ...CHANGING_SYSTEM_CALLS].flatMap((name) => patch(os, name, () => apply(systemCallObservation(name))));

/** The Node modules whose functions reach beyond the machine's files (other programs, the network), and those functions. */
const EFFECTS: Readonly<Record<string, readonly string[]>> = {
  child_process: ["exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "fork"],
  worker_threads: ["Worker"],
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
 * fleet code loads is fleet code's, and refuses the recording as a whole.
 */
const loadedBuiltins = (): ReadonlySet<string> => {
  const list = (process as { moduleLoadList?: readonly string[] }).moduleLoadList;
  // Without Node's list (another runtime), every module counts as loaded, and is wrapped.
  if (list === undefined) return new Set(Object.keys(EFFECTS));
  return new Set(list.flatMap((entry) => (entry.startsWith("NativeModule ") ? [entry.slice("NativeModule ".length)] : [])));
};

/** The modules of {@link EFFECTS} not loaded (so not wrapped) when the wrappers were put in place. */
let unwrappedEffects: readonly string[] = [];

/** The functions of {@link EFFECTS} in the modules loaded already, and every socket's `connect` and `send`, wrapped to refuse the recording. */
const effectPatches = (): Patch[] => {
  const loaded = loadedBuiltins();
  unwrappedEffects = Object.keys(EFFECTS).filter((module) => !loaded.has(module));
  const refusing = (what: string) => () => refuse(what);
  return [
    ...Object.entries(EFFECTS).flatMap(([module, names]) =>
      loaded.has(module) ? names.flatMap((name) => patch(requireBuiltin(`node:${module}`) as object, name, refusing(`${module}.${name}`))) : [],
    ),
    // `new net.Socket().connect()`, and what every client (http, tls, fetch) connects with.
    ...patch(net.Socket.prototype, "connect", refusing("a network connection")),
    ...patch(dgram.Socket.prototype, "send", refusing("a datagram")),
    ...patch(globalThis, "fetch", refusing("fetch")),
  ];
};

const install = (): void => {
  patches = [...fileSystemPatches(), ...systemPatches(), ...effectPatches()];
  ownEnvironment = process.env;
  const observed = (key: string | symbol) => typeof key === "string" && note(environmentObservation(key));
  process.env = new Proxy(ownEnvironment, {
    get: (target, key) => (observed(key), Reflect.get(target, key)),
    has: (target, key) => (observed(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (observed(key), Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => (note(ENVIRONMENT_NAMES), Reflect.ownKeys(target)),
    // Set on the environment itself: through the wrapper, changing a variable that exists would
    // define it with a partial descriptor, which Node's environment refuses (a TypeError).
    set: (target, key, value) => Reflect.set(target, key, value),
  });
  // `generate` and `generate --check` share a record, unless fleet code reads the command line.
  ownArguments = process.argv;
  process.argv = new Proxy(ownArguments, {
    get: (target, key) => (note(COMMAND_LINE), Reflect.get(target, key)),
    ownKeys: (target) => (note(COMMAND_LINE), Reflect.ownKeys(target)),
  });
  syncBuiltinESMExports();
};

const uninstall = (): void => {
  unpatch(patches);
  patches = [];
  if (ownEnvironment) process.env = ownEnvironment;
  if (ownArguments) process.argv = ownArguments;
  ownEnvironment = undefined;
  ownArguments = undefined;
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
  for (const key of ALWAYS_OBSERVED) note(key);
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
