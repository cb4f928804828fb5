/**
 * typeflake's split build as shipped: each ES module esbuild wrote (it splits only ES modules)
 * converted to a CommonJS module at the same path under `dist/`, for `bin/compiled-modules.mjs`
 * to evaluate with V8's code cache (see `bundle.ts`). The split build's source maps are carried
 * through to the TypeScript sources.
 */
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/** The split build's modules: ES modules, but named as the CommonJS they are converted to, so that their imports name the final files. */
export const MODULE_EXTENSION = { ".js": ".cjs" };

/** What `import.meta.url` becomes in a compiled module: its own file's URL, which the loader passes to each module beside CommonJS's `__filename`. */
const MODULE_URL = "__typeflake_module_url";

/**
 * The split build's modules (under `split`) as CommonJS modules at the same paths under `dist`.
 * Bundled CommonJS dependencies' `require()` of Node's built-ins reaches the module's own
 * `require`; `import()` of a chunk becomes its `require()`, still only when that code runs.
 */
export const toCommonJs = async (modules: readonly string[], split: string, dist: string): Promise<void> => {
  const { metafile } = await build({
    absWorkingDir: dist,
    entryPoints: [...modules],
    outdir: dist,
    outbase: split,
    outExtension: MODULE_EXTENSION,
    bundle: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    supported: { "dynamic-import": false },
    define: { "import.meta.url": MODULE_URL },
    // A first line of its own: the loader puts CommonJS's wrapper before it, which shifts that
    // line's columns only (the code, its stack traces and its source map start on the second).
    banner: { js: '"use strict";' },
    // The split build's maps, linked from its modules, are read and carried through to the TypeScript sources.
    sourcemap: "linked",
    minifyWhitespace: true,
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(metafile.outputs).map((output) => join(dist, output));
  // ES modules are strict; a module whose directive is not its first statement would not be.
  const sloppy = outputs.filter((output) => output.endsWith(".cjs") && !readFileSync(output, "utf8").startsWith('"use strict";'));
  if (sloppy.length > 0) throw new Error(`compiled modules that would not run in strict mode: ${sloppy.join(", ")}`);
  for (const map of outputs.filter((output) => output.endsWith(".cjs.map"))) dropMapWithoutSources(map, split);
};

/**
 * A module made of esbuild's own helpers and re-exports has no source of ours: its map would name
 * only the split build's module, which is not shipped. It loses the map and the comment linking it.
 */
const dropMapWithoutSources = (map: string, split: string): void => {
  const { sources } = JSON.parse(readFileSync(map, "utf8")) as { sources: string[] };
  const intermediate = sources.filter((source) => resolve(dirname(map), source).startsWith(`${split}${sep}`));
  if (intermediate.length === 0) return;
  if (intermediate.length < sources.length) throw new Error(`${map} maps part of its module to the split build only: ${intermediate.join(", ")}`);
  const module = map.slice(0, -".map".length);
  const link = `\n//# sourceMappingURL=${basename(map)}\n`;
  const code = readFileSync(module, "utf8");
  if (!code.endsWith(link)) throw new Error(`${module} does not end with the link to its source map`);
  writeFileSync(module, `${code.slice(0, -link.length)}\n`);
  rmSync(map);
};
