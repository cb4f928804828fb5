/**
 * typeflake's JavaScript as shipped: one esbuild build of the CLI (`generators/cli/main.ts`) and
 * the public DSL (`dsl/index.ts`), code split, so that start-up reads a handful of files instead
 * of some 300 modules and their dependencies' hundreds.
 *
 * - Both are entries of the same build: the code they share (the DSL, zod) is in shared chunks,
 *   so a fleet's `import … from "typeflake"`, bound to `dist/dsl/index.js` (see
 *   `generators/load/typeflake-instance.ts`), runs the very modules the CLI runs: one DSL, one zod.
 * - Lazy `import()`s stay lazy: each becomes a chunk loaded when that code runs (a command,
 *   Babel's parser, diff, execa).
 * - The modules are CommonJS (`.cjs`), evaluated by `bin/compiled-modules.mjs` with V8's code
 *   cache; esbuild splits only ES modules, so the split build is converted module by module
 *   (`to-commonjs.ts`). `dist/dsl/index.js`, the package's entry, stays an ES module
 *   that takes the DSL's exports from that loader. `import.meta.url` is the module's own URL; the
 *   one `import()` left to Node (of a fleet's bundle, `native-import.mjs`) is the loader's, as is
 *   the `require()` of esbuild (`cached-require.mjs`).
 * - Dependencies are bundled, except those that cannot or need not be: esbuild (a native binary
 *   beside its JavaScript), ts-morph (the TypeScript compiler, loaded by `createRequire` where
 *   option types are written or read), prettier (`init` formats the TypeScript it writes), tsx
 *   (only reached from the sources).
 * - zod's translations of its default messages (`z.locales`, some forty languages and a third of
 *   its code) are left out: typeflake words its own messages and selects no locale; English, the
 *   default, is imported by zod directly and stays.
 * - Whitespace and syntax are minified (less for Node to read and parse at every start); names
 *   are kept, so a stack trace reads without the source maps, which are linked beside each file.
 * - Modules that `precompiled-modules.ts` evaluates at build time are replaced by their result.
 * - The DSL's export names are listed beside it (`dsl/export-names.json`), for fleet bundles.
 * - commander's `child_process` is loaded when first used, not at every start (see
 *   `lazyChildProcess`).
 */
import { build, type Metafile, type Plugin } from "esbuild";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { PrecompiledModules } from "./precompiled-modules.ts";
import { MODULE_EXTENSION, toCommonJs } from "./to-commonjs.ts";
import { PROVIDED_MODULES } from "../bin/compiled-modules.mjs";
import { DSL_EXPORT_NAMES_FILE } from "../generators/load/typeflake-instance.ts";

/** The entries, by their path in the source tree; each is written to the same path under `dist/`, as `.cjs`. */
const BUNDLE_ENTRIES = ["generators/cli/main.ts", "dsl/index.ts"] as const;

/** Packages left for Node to load from node_modules at run time. */
const EXTERNAL_PACKAGES = ["esbuild", "ts-morph", "prettier", "tsx"];

/** zod's namespace of every locale, as its entry modules (`v4/classic/external.js`, `v4/core/index.js`) import it. */
const ZOD_LOCALES = /^\.\.\/locales\/index\.js$/;
const ZOD_ENTRY_MODULE = /[/\\]zod[/\\]v4[/\\](classic[/\\]external|core[/\\]index)\.js$/;

/** `generators/load/native-import.mjs` and `cached-require.mjs`, as their importers name them: the loader provides them. */
const LOADER_PROVIDED_FILE = /^\.\/(native-import|cached-require)\.mjs$/;

const toSourcePath = (root: string, path: string): string => relative(root, path).split(sep).join("/");

/**
 * commander loads Node's `child_process` (and with it `net`, `dgram` and the streams, ~7 ms) as
 * it starts, for executable subcommands, which typeflake has none of: it is loaded when first
 * used instead. The exact line is required, so a commander that changes it fails the build.
 */
const COMMANDER_COMMAND = /[/\\]commander[/\\]lib[/\\]command\.js$/;
const EAGER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const LAZY_CHILD_PROCESS = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";

const lazyChildProcess = async (path: string) => {
  const source = await readFile(path, "utf8");
  if (!source.includes(EAGER_CHILD_PROCESS)) throw new Error(`${path} no longer reads \`${EAGER_CHILD_PROCESS}\`: see lazyChildProcess in scripts/bundle.ts`);
  return { contents: source.replace(EAGER_CHILD_PROCESS, LAZY_CHILD_PROCESS), loader: "js" as const };
};

const typeflakePlugin = (root: string, precompiled: PrecompiledModules): Plugin => ({
  name: "typeflake-bundle",
  setup(bundler) {
    // Node's own import() and the code-cached require(), which the loader provides (see bin/compiled-modules.mjs).
    bundler.onResolve({ filter: LOADER_PROVIDED_FILE }, (args) => {
      const name = `typeflake:${LOADER_PROVIDED_FILE.exec(args.path)?.[1] ?? ""}`;
      if (!PROVIDED_MODULES.includes(name)) throw new Error(`${args.importer} imports ${args.path}, which bin/compiled-modules.mjs does not provide as ${name}`);
      return { path: name, external: true };
    });
    bundler.onResolve({ filter: ZOD_LOCALES }, (args) => (ZOD_ENTRY_MODULE.test(args.importer) ? { path: "zod-locales", namespace: "left-out" } : undefined));
    bundler.onLoad({ filter: /.*/, namespace: "left-out" }, () => ({ contents: "export {};", loader: "js" }));
    bundler.onLoad({ filter: COMMANDER_COMMAND }, (args) => lazyChildProcess(args.path));
    bundler.onLoad({ filter: /\.ts$/ }, (args) => {
      const contents = precompiled.get(toSourcePath(root, args.path));
      return contents === undefined ? undefined : { contents, loader: "js", resolveDir: dirname(args.path) };
    });
  },
});

/** What the bundle was made from. */
export interface BundleResult {
  /** Every file the build read (sources and dependencies), relative to the root, `/`-separated. */
  readonly inputs: readonly string[];
}

/** Bundle the repository at `root` into `dist` (absolute paths). */
export const bundle = async (root: string, dist: string, precompiled: PrecompiledModules): Promise<BundleResult> => {
  const split = join(dist, ".split");
  const result = await build({
    absWorkingDir: root,
    entryPoints: BUNDLE_ENTRIES.map((entry) => join(root, entry)),
    outdir: split,
    outbase: root,
    outExtension: MODULE_EXTENSION,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL_PACKAGES,
    sourcemap: "linked",
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "warning",
    plugins: [typeflakePlugin(root, precompiled)],
  });
  const modules = Object.keys(result.metafile.outputs).filter((output) => output.endsWith(".cjs"));
  await toCommonJs(modules.map((output) => join(root, output)), split, dist);
  await rm(split, { recursive: true });
  const exportNames = dslExports(root, split, result.metafile);
  await writeFile(join(dist, DSL_EXPORT_NAMES_FILE), `${JSON.stringify(exportNames)}\n`);
  await writeFile(join(dist, DSL_ENTRY), dslEntryModule(exportNames));
  return { inputs: inputsOf(result.metafile) };
};

/** The package's entry, an ES module (Node's `import "typeflake"` needs one), by its path under `dist/`. */
const DSL_ENTRY = "dsl/index.js";

/** The package's entry: the compiled DSL's exports, from the loader that the CLI runs it through too. */
const dslEntryModule = (exportNames: readonly string[]): string => {
  // Each name becomes a binding of an ES module: `default` and the like could not.
  const unfit = exportNames.filter((name) => !/^[A-Za-z_$][\w$]*$/.test(name) || name === "default");
  if (unfit.length > 0) throw new Error(`the DSL exports names its entry module cannot re-export: ${unfit.join(", ")}`);
  return [
    "// typeflake's public entry: the DSL's exports, from the compiled module that the CLI runs too",
    "// (bin/compiled-modules.mjs), so that a fleet's `typeflake` is the running one. Written by scripts/bundle.ts.",
    'import { loadCompiled } from "../../bin/compiled-modules.mjs";',
    'const dsl = loadCompiled("dsl/index.cjs");',
    `export const { ${exportNames.join(", ")} } = dsl;`,
    "",
  ].join("\n");
};

/** The names the DSL exports, as the split build's metafile lists them. */
const dslExports = (root: string, split: string, metafile: Metafile): readonly string[] => {
  const output = metafile.outputs[toSourcePath(root, join(split, "dsl/index.cjs"))];
  if (!output) throw new Error("the build wrote no dsl/index.cjs");
  return [...output.exports].sort();
};

const inputsOf = (metafile: Metafile): string[] => Object.keys(metafile.inputs).sort();
