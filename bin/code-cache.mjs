// V8's code cache for typeflake's compiled modules: the bytecode V8 compiled for each module in
// an earlier run, handed back to V8 when the module is compiled again (see compiled-modules.mjs).
//
// - One file per typeflake build, Node version and processor (`code-<build>-<node>-<arch>.bin`,
//   named by the caller), read once as the CLI starts: a format line, a JSON line listing each
//   module's name, source hash and length, then the cached code of each, one after another. A
//   file whose lengths do not add up, or of another format, is not used (the run compiles as
//   without one).
// - Each module's cached code is kept with the SHA-1 of the module's source and given to V8 only
//   for that source: V8 itself compares only the source's length, and would run the bytecode of
//   a module edited in place (patch-package, a hand-made fix) to the same length. V8 refuses
//   cached code made by another V8, under other flags, or whose checksum fails (the CLI turns
//   that check on). A module with no usable cached code is compiled afresh, and cached again.
// - A module compiled with no cached code, or with refused code, has its cache made as the
//   process exits: after the run, so that it holds every function the run compiled, not only
//   the module's top level (V8 compiles a function when it is first called). As with Node's own
//   compile cache, the first run decides: functions that only later runs call are compiled by
//   each of them.
// - The file is written under a temporary name and renamed over the old one; a process that
//   cannot write it (a read-only install, a full disk) runs as it would without it.

import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { inProgressPrefix } from "./cache-folder.mjs";

const FORMAT = "typeflake code cache 2";

/** @typedef {{ source: string, data: Buffer }} Entry */

/**
 * The hash that ties cached code to its module's source.
 *
 * @param {Buffer} source
 * @returns {string}
 */
const sourceHash = (source) => createHash("sha1").update(source).digest("base64");

/**
 * One module as the cache knows it.
 *
 * @typedef {object} CachedModule
 * @property {Buffer | undefined} cachedData the code cached for this very source, if any
 * @property {(script: import("node:vm").Script) => void} compiled to be told the module was compiled, with `cachedData` or without
 */

/**
 * @typedef {object} CodeCache
 * @property {(name: string, source: Buffer) => CachedModule} module the module named `name` (its path under `dist/`), whose source is `source`
 * @property {() => void} save write the cache of the modules compiled without usable cached code, if any
 */

/**
 * The cached code in `file`, by module name; empty when the file is missing or not whole.
 *
 * @param {string} file
 * @returns {Map<string, Entry>}
 */
const readEntries = (file) => {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return entries;
  }
  const formatEnd = bytes.indexOf(10);
  const listEnd = bytes.indexOf(10, formatEnd + 1);
  if (formatEnd < 0 || listEnd < 0 || bytes.toString("utf8", 0, formatEnd) !== FORMAT) return entries;
  let list;
  try {
    list = JSON.parse(bytes.toString("utf8", formatEnd + 1, listEnd));
  } catch {
    return entries;
  }
  const valid =
    Array.isArray(list) &&
    list.every((entry) => Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string" && Number.isSafeInteger(entry[2]) && entry[2] > 0);
  if (!valid) return entries;
  let offset = listEnd + 1;
  for (const [name, source, length] of list) {
    entries.set(name, { source, data: bytes.subarray(offset, offset + length) });
    offset += length;
  }
  if (offset !== bytes.length) entries.clear();
  return entries;
};

/**
 * Write the entries `made()` returns to `file`, atomically; remove the files of other typeflake
 * builds beside it. The temporary file is opened first: where it cannot be (a read-only
 * install), no time goes into making cached code that could not be kept.
 *
 * @param {string} file
 * @param {() => Map<string, Entry>} made
 */
const writeEntries = (file, made) => {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${inProgressPrefix("write")}code-cache`);
  const descriptor = openSync(temporary, "w");
  try {
    try {
      const entries = made();
      const list = JSON.stringify([...entries].map(([name, { source, data }]) => [name, source, data.length]));
      writeFileSync(descriptor, Buffer.concat([Buffer.from(`${FORMAT}\n${list}\n`), ...[...entries.values()].map((entry) => entry.data)]));
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (thrown) {
    rmSync(temporary, { force: true });
    throw thrown;
  }
  const ownBuild = basename(file).split("-")[1];
  for (const name of readdirSync(folder)) {
    if (name.startsWith("code-") && name.endsWith(".bin") && name.split("-")[1] !== ownBuild) rmSync(join(folder, name), { force: true });
  }
};

/**
 * The code cache kept in `file` (absolute).
 *
 * @param {string} file
 * @returns {CodeCache}
 */
export const openCodeCache = (file) => {
  const entries = readEntries(file);
  /** @type {Map<string, { source: string, script: import("node:vm").Script }>} */
  const uncached = new Map();
  return {
    module: (name, bytes) => {
      const source = sourceHash(bytes);
      const entry = entries.get(name);
      return {
        cachedData: entry?.source === source ? entry.data : undefined,
        compiled: (script) => {
          // undefined: compiled without cached code; true: V8 refused it.
          if (script.cachedDataRejected !== false) uncached.set(name, { source, script });
        },
      };
    },
    save: () => {
      if (uncached.size === 0) return;
      try {
        writeEntries(file, () => {
          for (const [name, { source, script }] of uncached) entries.set(name, { source, data: script.createCachedData() });
          return entries;
        });
      } catch {
        // Not written: the next run compiles these modules again, and nothing else changes.
      }
    },
  };
};
