// typeflake's compiled modules as Node runs them. The build (scripts/bundle.ts) writes dist/ as
// CommonJS modules, code split into chunks; they are evaluated here rather than by Node's own
// loaders so that V8 can take their compiled code from the code cache (code-cache.mjs) instead of
// compiling them again at every run: Node 20's ES module loader has no code cache (Node 22's
// `module.enableCompileCache` is that for both kinds), and compiling typeflake's code was a third
// of the instructions of a homelab `generate`. Plain JavaScript, shipped in bin/: it runs before
// any of the compiled code does.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { nearestCacheFolder } from "./cache-folder.mjs";
import { openCodeCache } from "./code-cache.mjs";

/** The compiled package. */
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/**
 * CommonJS's wrapper, and the module's own URL (what `import.meta.url` was in its source, see
 * scripts/bundle.ts); on the first line of the module so that every other line keeps its number,
 * and before a line the build gives to a directive alone, so that no code's column moves either
 * (stack traces and the source maps beside each module stay right).
 */
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname, __typeflake_module_url) {";
const WRAPPER_END = "\n})";

/** @typedef {{ exports: unknown, id: string, filename: string, loaded: boolean }} CompiledModule */

/** Absolute path → module: each compiled module is evaluated once, whoever imports it (the CLI, a fleet's `typeflake`). */
/** @type {Map<string, CompiledModule>} */
const modules = new Map();

/** The code cache while the CLI runs; none when typeflake is imported as a library (a process that is not typeflake's keeps its V8 flags and writes no cache). */
/** @type {import("./code-cache.mjs").CodeCache | undefined} */
let codeCache;

/** The modules this loader provides (see {@link PROVIDED_MODULES}), made when first required. */
/** @type {Record<string, unknown> | undefined} */
let provided;

/** `require` as a compiled module at `path` sees it: its sibling modules and the provided ones from here, anything else from Node. */
const requireFrom = (/** @type {string} */ path) => {
  const nodeRequire = createRequire(path);
  const folder = dirname(path);
  return (/** @type {string} */ specifier) => {
    if (specifier.startsWith("typeflake:")) {
      provided ??= providedModules();
      if (!(specifier in provided)) throw new Error(`typeflake's loader provides no module ${specifier}`);
      return provided[specifier];
    }
    if (specifier.startsWith("./") || specifier.startsWith("../")) return loadFile(resolve(folder, specifier));
    return nodeRequire(specifier);
  };
};

/** Evaluate the compiled module at `path` (absolute), or return it as evaluated before. */
const loadFile = (/** @type {string} */ path) => evaluate(path, requireFrom);

/**
 * The exports of the CommonJS package `specifier` required from the module at the URL `from`:
 * its main file compiled here, with the code cache while the CLI runs, and given Node's own
 * `require` for everything it requires in turn.
 *
 * @param {string} specifier
 * @param {string} from
 * @returns {unknown}
 */
const cachedRequire = (specifier, from) => evaluate(createRequire(from).resolve(specifier), createRequire);

/**
 * Evaluate the CommonJS module at `path` (absolute) with the `require` that `requireOf(path)`
 * makes, or return it as evaluated before.
 *
 * @param {string} path
 * @param {(path: string) => (specifier: string) => unknown} requireOf
 * @returns {unknown}
 */
const evaluate = (path, requireOf) => {
  const known = modules.get(path);
  if (known) return known.exports;
  const source = readFileSync(path);
  const cached = codeCache?.module(relative(DIST, path), source);
  const script = new Script(`${WRAPPER_START}${source.toString("utf8")}${WRAPPER_END}`, { filename: path, cachedData: cached?.cachedData });
  cached?.compiled(script);
  /** @type {CompiledModule} */
  const module = { exports: {}, id: path, filename: path, loaded: false };
  // Registered before it runs, as Node does, so that an import cycle sees the exports made so far.
  modules.set(path, module);
  script.runInThisContext().call(module.exports, module.exports, requireOf(path), module, path, dirname(path), pathToFileURL(path).href);
  module.loaded = true;
  return module.exports;
};

/**
 * The modules the compiled code imports from this loader, by the names the build gives them
 * (scripts/bundle.ts binds `generators/load/<name>.mjs` to `typeflake:<name>`):
 *
 * - `native-import`: Node's own `import()`, for what must stay an ES module (a fleet's bundle),
 *   which a script evaluated from the code cache cannot call itself (V8 drops the script's
 *   dynamic-import host options with its cached code);
 * - `cached-require`: `require()` of a CommonJS package's main file (esbuild's) compiled with the
 *   code cache; what that file requires is Node's to load.
 */
const providedModules = () => ({
  "typeflake:native-import": { nativeImport: (/** @type {string} */ specifier) => import(specifier) },
  "typeflake:cached-require": { cachedRequire },
});

/** The names of the modules this loader provides. */
export const PROVIDED_MODULES = Object.keys(providedModules());

/**
 * The exports of a compiled module, named by its path under `dist/` (`dsl/index.cjs`).
 *
 * @param {string} name
 * @returns {unknown}
 */
export const loadCompiled = (name) => loadFile(join(DIST, name));

/** The flags V8 compiles under while the CLI runs; set before anything is compiled, as cached code is only taken under the flags it was made with. */
const CLI_V8_FLAGS = [
  // V8 allocates straight into the old generation at the object literals whose objects have
  // mostly survived so far ("allocation-site pretenuring"). generate builds the lowered fleet,
  // which lives to the end, and then each file's syntax tree, garbage a moment later, with the
  // same builders: those trees went to the old generation too and piled up there until a full
  // collection. A cold generate of 1,000 hosts peaks at 180 MB instead of 225 without it, and its
  // CPU time is no worse (5.2 → 4.6 s, medians of 6 alternated runs).
  "--no-allocation-site-pretenuring",
  // V8 checks cached code against its checksum only in its debug builds by default: a damaged
  // cache file would crash Node instead of being refused (and compiled afresh).
  "--verify-snapshot-checksum",
];

/**
 * The code cache's file: one per typeflake build, Node version and processor, in the
 * `node_modules/.cache/typeflake/` nearest the package; none without a `node_modules` there or a
 * finished build (`dist/build-id` is written last).
 */
const codeCacheFile = () => {
  const folder = nearestCacheFolder(join(DIST, ".."));
  let build;
  try {
    build = readFileSync(join(DIST, "build-id"), "utf8").trim().slice(0, 16);
  } catch {
    return undefined;
  }
  return folder && build && join(folder, `code-${build}-${process.version}-${process.arch}.bin`);
};

/** Run typeflake's command line, with the code cache. */
export const runCli = () => {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
  const file = codeCacheFile();
  if (file) {
    const cache = openCodeCache(file);
    codeCache = cache;
    process.once("exit", () => cache.save());
  }
  loadCompiled("generators/cli/main.cjs");
};
