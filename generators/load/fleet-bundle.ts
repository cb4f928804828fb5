/**
 * Load a fleet's TypeScript files with no build step of the user's, whatever the fleet's
 * package.json says (ESM or CommonJS), local `.ts` helpers included: esbuild bundles the fleet's
 * own files in one pass (shared helpers split into chunks, so each is evaluated once), and Node
 * imports the result. `import … from "typeflake"` is bound to the running typeflake (see
 * `typeflake-instance.ts`); other packages stay imports that Node resolves from the fleet's
 * node_modules, which is why the bundle is written under it (`node_modules/.cache/typeflake/`).
 * Source maps point back at the TypeScript the user wrote, so a throw is reported at its line.
 * The one bundle of the usual case reads the fleet's files natively (a JS round trip per file
 * cost 0.12 s on 1,000 hosts); they are hashed afterwards, for the run cache, with the proof that
 * the hashes are those of the bytes compiled (`compiled-inputs.ts`).
 */
import type { BuildOptions, ImportKind, Message, Metafile, Plugin } from "esbuild";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, isAbsolute, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ABSENT, hashFiles } from "../cache/file-hashes.ts";
import type { LoadReads } from "../cache/run-reads.ts";
import { inProgressPrefix, nearestCacheFolder, removeAbandoned } from "../cache/folder.ts";
import { contentHash } from "../emit/manifest.ts";
import { beforeBuild, compiledInputs, type BeforeBuild, type CompiledInputs } from "./compiled-inputs.ts";
import { buildConfigurationFiles } from "./build-configuration.ts";
import { cachedRequire } from "./cached-require.mjs";
import { nativeImport } from "./native-import.mjs";
import { asFleetCodeLoads, type FleetCodeLoaded } from "./fleet-process.ts";
import { computedImportMiss } from "./computed-import.ts";
import { watchedForSlowness } from "./still-loading.ts";
import { packageFilesOf } from "./package-files.ts";
import { linkedPath, passedOverCandidates } from "./import-candidates.ts";
import { realPathOf } from "../stat-of.ts";
import { resolvesToInstalledPackage } from "./package-import.ts";
import { TYPEFLAKE_ENTRY, typeflakeExports } from "./typeflake-instance.ts";
import { ToolError } from "../command/command-error.ts";

/**
 * esbuild, required rather than imported (it is CommonJS), so that Node does not run its CommonJS
 * export lexer over esbuild's main.js (and load the lexer itself) on every run that loads a fleet;
 * still loaded only with this module, when the pipeline runs. Compiled, its main.js (97 KB) is
 * compiled with the code cache (`cached-require.mjs`): 53 M instructions at every start without
 * it, 6 % of a homelab run. Without `worker_threads`, which
 * esbuild loads as it starts for its synchronous API only (typeflake uses the asynchronous one):
 * its documented switch, set for the moment of the require, spares 13 M instructions (about 1 %
 * of a homelab run) and leaves the environment of the commands typeflake runs as it was.
 */
const loadEsbuild = (): typeof import("esbuild") => {
  const before = process.env["ESBUILD_WORKER_THREADS"];
  process.env["ESBUILD_WORKER_THREADS"] = "0";
  try {
    return cachedRequire("esbuild", import.meta.url) as typeof import("esbuild");
  } finally {
    if (before === undefined) delete process.env["ESBUILD_WORKER_THREADS"];
    else process.env["ESBUILD_WORKER_THREADS"] = before;
  }
};
const { build, initialize, transform } = loadEsbuild();

/**
 * Start esbuild's service process (one per process, shared by every build) now rather than at
 * the first build, which waits for typeflake's exports to be known: its start-up then overlaps
 * ours. esbuild allows one `initialize` per process, hence the flag.
 */
let bundlerStarted = false;
const startBundler = (): void => {
  if (bundlerStarted) return;
  bundlerStarted = true;
  // A failure to start (thrown, or rejected) is the first build's to report (see esbuildRan), which meets it again.
  try {
    initialize({}).catch(() => undefined);
  } catch {
    // Reported by that build.
  }
};

/**
 * esbuild's own failures (its program missing for this platform after an install that left out
 * optional dependencies, another version of it, its process killed) as what they are: a tool
 * typeflake needs that could not run, not a typeflake bug and not a mistake in the fleet. What
 * it refused in fleet files (a failure with messages) goes on as it is.
 */
const esbuildRan = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (thrown) {
    if (buildMessages(thrown)) throw thrown;
    throw new ToolError(`esbuild, which typeflake compiles fleet files with, could not run: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
};

/** One fleet file as loaded: its exports, or why it has none. */
export type LoadedModule =
  | { readonly ok: true; readonly exports: Record<string, unknown> }
  /** esbuild refused it or a file it imports: syntax errors, imports that do not resolve. */
  | { readonly ok: false; readonly kind: "build"; readonly messages: readonly Message[] }
  /** It threw while Node evaluated it (or an import failed to link). */
  | { readonly ok: false; readonly kind: "threw"; readonly thrown: unknown }
  /**
   * An import whose name it computed as it ran found nothing: Node resolved the name against the
   * bundle, and looked for `looked` (relative to the bundle's folder, which is laid out as the
   * fleet is; see `computed-import.ts`).
   */
  | { readonly ok: false; readonly kind: "computed-import"; readonly looked: string }
  /** A top-level `await` in it (or in a file it imports) waits for what nothing is left to settle. */
  | { readonly ok: false; readonly kind: "unsettled" };

const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" } as const;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
/** What names the file it is written in: `import.meta` in an ES module, `__dirname` and `__filename` in CommonJS. */
const OWN_FILE_NAMES = ["import.meta", "__dirname", "__filename"] as const;

/** Whether a source file's text names its own file (see {@link OWN_FILE_NAMES}). */
const namesOwnFile = (content: string | Buffer): boolean => OWN_FILE_NAMES.some((name) => content.includes(name));

/**
 * `import.meta.url`, `.dirname` and `.filename`, `__dirname` and `__filename` keep meaning the file
 * the user wrote, not the bundle (a file's own binding of either name stays its own).
 */
const ownFileOf = (path: string): Record<string, string> => ({
  "import.meta.url": JSON.stringify(pathToFileURL(path).href),
  "import.meta.dirname": JSON.stringify(dirname(path)),
  "import.meta.filename": JSON.stringify(path),
  __dirname: JSON.stringify(dirname(path)),
  __filename: JSON.stringify(path),
});

/** Marks the plugin's own look-ups, so that it does not answer them itself. */
const CHECKING = Symbol("checking a package import");

/** What the plugin saw while esbuild bundled. */
interface Reads {
  /** Absolute path → SHA-256 of the bytes the plugin itself read and handed to esbuild (hashed as read). */
  readonly compiled: Map<string, string>;
  /** Files Node, not the bundle, loads (absolute): the entries of imported packages, `file:` imports. */
  readonly nodeLoaded: Set<string>;
}

/** A file's bytes, hashed into `reads` before esbuild sees them. */
const readLogged = async (path: string, reads: Reads): Promise<Buffer> => {
  const bytes = await readFile(path);
  reads.compiled.set(path, contentHash(bytes));
  return bytes;
};

/** Every file through the plugin: the fallbacks, where speed no longer matters. */
const EVERY_FILE = /.*/;

/** `text` matched literally, also inside a character class, by JavaScript's and esbuild's (Go's) regular expressions. */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** esbuild's (Go) filter for exactly `paths` (absolute); undefined for none. */
const exactly = (paths: readonly string[]): RegExp | undefined =>
  paths.length === 0 ? undefined : new RegExp(`^(?:${paths.map(escapeRegExp).join("|")})$`);

/**
 * A file the plugin reads itself, hashed as read: source files naming their own file (`import.meta`,
 * `__dirname`, `__filename`) are rewritten so that it keeps meaning the file the user wrote, not
 * the bundle.
 */
const readThrough = async (path: string, reads: Reads) => {
  const bytes = await readLogged(path, reads);
  const loader = LOADERS[extname(path) as keyof typeof LOADERS] as (typeof LOADERS)[keyof typeof LOADERS] | undefined;
  // Anything else a fleet file imports (JSON, text) keeps esbuild's loader for its extension.
  if (loader === undefined) return { contents: bytes, loader: "default" as const };
  const text = bytes.toString("utf8");
  if (!namesOwnFile(text)) return { contents: text, loader };
  // Rewritten per file before bundling; the inline map keeps positions pointing at the original.
  const { code } = await transform(text, { loader, format: "esm", sourcefile: path, sourcemap: "inline", define: ownFileOf(path) });
  return { contents: code, loader: "js" as const };
};

/**
 * How `import … from "typeflake"` reaches the running typeflake: through the plugin, which costs a
 * JavaScript round trip per importing file but keeps esbuild's messages naming `typeflake` (the
 * fallbacks, which report errors), or through a file of re-exports esbuild resolves itself (the
 * one bundle: 0.17 s less on 1,000 hosts).
 */
type TypeflakeImport = { readonly exportNames: readonly string[] } | { readonly exportsFile: string };

/** The module that stands for `typeflake`: the running typeflake's exports, by name (so esbuild checks imported names). */
const typeflakeExportsModule = (exportNames: readonly string[]): string => `export { ${exportNames.join(", ")} } from ${JSON.stringify(TYPEFLAKE_ENTRY)};`;

/**
 * esbuild's filter for bare imports (packages) other than exactly `name`. Its regular expressions
 * are Go's, with no look-ahead: a name differs from `name` at some first character, or is a
 * prefix of it, or goes on after it.
 */
export const bareImportsBut = (name: string): RegExp => {
  const differing = [...name].map((char, index) => `${escapeRegExp(name.slice(0, index))}[^${index === 0 ? "./" : ""}${escapeRegExp(char)}]`);
  const prefixes = [...name].slice(1).map((_, index) => `${escapeRegExp(name.slice(0, index + 1))}$`);
  return new RegExp(`^(?:${[...differing, ...prefixes, `${escapeRegExp(name)}.`].join("|")})`);
};

const OTHER_PACKAGES = bareImportsBut("typeflake");

const fleetPlugin = (typeflake: TypeflakeImport, reads: Reads, through: RegExp | undefined, outdir: string): Plugin => ({
  name: "typeflake-fleet",
  setup(bundler) {
    if ("exportNames" in typeflake) {
      const contents = typeflakeExportsModule(typeflake.exportNames);
      bundler.onResolve({ filter: /^typeflake$/ }, () => ({ path: "typeflake", namespace: "typeflake" }));
      bundler.onLoad({ filter: /.*/, namespace: "typeflake" }, () => ({ contents, loader: "js" }));
    }
    bundler.onResolve({ filter: /^file:/ }, (args) => {
      reads.nodeLoaded.add(fileURLToPath(args.path));
      return { path: args.path, external: true };
    });
    // Packages stay imports for Node to resolve at run time, but one that is not installed is
    // reported now, at the import that names it.
    bundler.onResolve({ filter: OTHER_PACKAGES }, async (args) => {
      if (args.pluginData === CHECKING) return undefined;
      const found = await bundler.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: CHECKING });
      if (found.errors.length > 0) return { errors: found.errors };
      // Built-in modules (`node:fs`) resolve to no file: Node's version stands for them.
      if (!isAbsolute(found.path)) return { path: args.path, external: true };
      // An alias (tsconfig `paths`, package.json `imports`) means nothing to Node, and a package
      // whose entry is TypeScript (a workspace package, linked) Node cannot load: compiled here.
      if (!resolvesToInstalledPackage(args.path, args.resolveDir, found.path) || TYPESCRIPT_FILE.test(found.path)) return { path: found.path, sideEffects: found.sideEffects };
      reads.nodeLoaded.add(found.path);
      return { path: packageImport(args.path, found.path, args.kind, outdir), external: true };
    });
    // The files not matched here esbuild reads itself, with no round trip to JavaScript.
    if (through !== undefined) bundler.onLoad({ filter: through, namespace: "file" }, (args) => readThrough(args.path, reads));
  },
});

/** Where one load writes its bundles. */
interface BundleFolder {
  /** The folder, made for this load. */
  readonly outdir: string;
  /** The folder it is in, where loads killed before they could clean up left theirs. */
  readonly parent: string;
}

/**
 * Bundles go beside the packages their imports name (the fleet's `node_modules/.cache/`), so that
 * Node resolves those names as the fleet's own files would; else, without a `node_modules` or
 * with one that cannot be written (read-only, a link into the Nix store), to the system's
 * temporary folder, from where the bundle names packages by their paths (see {@link packageImport}).
 */
const bundleFolder = (root: string): BundleFolder => {
  const cache = nearestCacheFolder(root);
  if (cache !== undefined) {
    try {
      mkdirSync(cache, { recursive: true });
      return { outdir: mkdtempSync(join(cache, inProgressPrefix("load"))), parent: cache };
    } catch {
      // Not writable: the temporary folder below.
    }
  }
  try {
    return { outdir: mkdtempSync(join(tmpdir(), inProgressPrefix("load"))), parent: tmpdir() };
  } catch (thrown) {
    const reason = (thrown as NodeJS.ErrnoException).code ?? String(thrown);
    const beside = cache === undefined ? "" : `${cache} cannot be written, and `;
    throw new ToolError(
      `no folder to compile the fleet's files into: ${beside}the temporary folder ${tmpdir()} cannot be written (${reason}); ` +
        "set TMPDIR to a folder that exists and can be written",
    );
  }
};

/** Whether a bundle in `outdir` is inside a `node_modules` folder, where Node resolves package names as the fleet's files would. */
const besidePackages = (outdir: string): boolean => outdir.split(sep).includes("node_modules");

/**
 * How a bundle in `outdir` imports a package esbuild resolved to `resolved`: by its name beside
 * the fleet's packages, which leaves the choice of file to Node; elsewhere by that file, as a
 * path for `require` and a URL for `import`.
 */
const packageImport = (specifier: string, resolved: string, kind: ImportKind, outdir: string): string =>
  besidePackages(outdir) ? specifier : kind === "require-call" || kind === "require-resolve" ? resolved : pathToFileURL(resolved).href;

interface Bundled {
  /** Entry (absolute path) → its bundled output (absolute path). */
  readonly outputs: ReadonlyMap<string, string>;
}

/**
 * A `require` for the CommonJS among the fleet's files (a `.cjs` helper, a `.ts` file written with
 * `require`): an ES module has none, and esbuild's stand-in throws "Dynamic require … is not
 * supported" for what the bundle leaves to Node (built-in modules, packages). Made from the
 * bundle's own URL, so packages resolve as they do for imports (see {@link packageImport}).
 * esbuild's own advice for ES module output on Node.
 */
const COMMONJS_REQUIRE = `import { createRequire as __typeflakeCreateRequire } from "node:module";\nconst require = __typeflakeCreateRequire(import.meta.url);`;

/** The esbuild options every bundle of fleet files shares, for bundles written to `outdir`. */
const bundleOptions = (root: string, typeflake: TypeflakeImport, reads: Reads, through: RegExp | undefined, outdir: string) =>
  ({
    ...("exportsFile" in typeflake && { alias: { typeflake: typeflake.exportsFile } }),
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    banner: { js: COMMONJS_REQUIRE },
    platform: "node",
    target: "node20",
    logLevel: "silent",
    plugins: [fleetPlugin(typeflake, reads, through, outdir)],
  }) satisfies BuildOptions;

/** Each entry its own output (shared helpers split into chunks), so a throw is told apart per file. */
const bundleEach = async (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[], reads: Reads): Promise<Bundled> => {
  const result = await watchedForSlowness("bundle", esbuildRan(() => build({
    ...bundleOptions(root, { exportNames }, reads, EVERY_FILE, outdir),
    entryPoints: [...entries],
    outdir,
    outbase: root,
    splitting: true,
    // ESM whatever the package.json above the bundle says.
    outExtension: { ".js": ".mjs" },
    sourcemap: "inline",
    sourcesContent: false,
    metafile: true,
    write: true,
  })));
  const outputs = new Map<string, string>();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs.set(resolve(root, meta.entryPoint), resolve(root, output));
  }
  return { outputs };
};

/** The one bundle of every entry, and the files it compiled (absolute). */
interface BundledTogether {
  readonly output: string;
  readonly inputs: readonly string[];
  /**
   * Whether an import's name is a pattern esbuild expanded to the files it matched then
   * (``import(`./variants/${name}.ts`)``): a file added later that matches is no input it lists.
   */
  readonly expandsPattern: boolean;
  /** The files esbuild tried and did not find before the one each relative import resolved to (see `import-candidates.ts`). */
  readonly passedOver: readonly string[];
  /** The imports esbuild followed through a symbolic link: the path as written, and the file it led to (see `import-candidates.ts`). */
  readonly linked: readonly { readonly written: string; readonly resolved: string }[];
}

/** The name of the bundle's generated entry, which is no file of the fleet's. */
const ENTRIES_SOURCE = "typeflake-fleet-entries.js";

/** The files of the file namespace among a metafile's inputs (others are named `namespace:path`), absolute. */
const fileInputs = (root: string, metafile: Metafile): string[] =>
  Object.keys(metafile.inputs)
    .filter((input) => input !== ENTRIES_SOURCE && !/^[a-z-]+:/.test(input))
    .map((input) => resolve(root, input));

/**
 * Every entry in one module that re-exports each one's namespace as `entry<index>`: Node loads one
 * file instead of one per fleet file (on 1,000 hosts, 0.2 s instead of 1.1 s), and esbuild writes
 * one. No source map: a throw is never reported from this bundle (see {@link loadFleetModules}).
 */
const bundleTogether = async (root: string, entries: readonly string[], outdir: string, exportsFile: string, reads: Reads, through: RegExp | undefined): Promise<BundledTogether> => {
  const contents = entries.map((entry, index) => `export * as entry${index} from ${JSON.stringify(entry)};`).join("\n");
  const output = join(outdir, "fleet.mjs");
  const { metafile } = await watchedForSlowness("bundle", esbuildRan(() => build({
    ...bundleOptions(root, { exportsFile }, reads, through, outdir),
    stdin: { contents, resolveDir: root, sourcefile: ENTRIES_SOURCE, loader: "js" },
    outfile: output,
    metafile: true,
    write: true,
  })));
  const imports = Object.entries(metafile.inputs).flatMap(([importer, input]) => input.imports.map((imported) => ({ importer, ...imported })));
  const expandsPattern = imports.some((imported) => imported.path.includes("*"));
  const relativeImports = imports.flatMap(({ importer, original, path }) =>
    original === undefined || /^[a-z-]+:/.test(path) ? [] : [{ folder: dirname(resolve(root, importer)), original, resolved: resolve(root, path) }],
  );
  const passedOver = relativeImports.flatMap(({ folder, original, resolved }) => passedOverCandidates(folder, original, resolved));
  const linked = relativeImports.flatMap(({ folder, original, resolved }) => {
    const written = linkedPath(folder, original, resolved);
    return written === undefined ? [] : [{ written, resolved }];
  });
  return { output, inputs: fileInputs(root, metafile).filter((input) => input !== exportsFile), expandsPattern, passedOver, linked };
};

/**
 * Each path an import wrote and followed through a link, with the hash of the file it led to as
 * compiled; undefined when a link now leads elsewhere (pointed elsewhere during the build: the
 * run is not recorded).
 */
const linkedHashes = (bundled: BundledTogether, sources: CompiledInputs): Map<string, string> | undefined => {
  const hashes = new Map<string, string>();
  for (const { written, resolved } of bundled.linked) {
    const hash = sources.hashes.get(resolved);
    if (hash === undefined || realPathOf(written) !== resolved) return undefined;
    hashes.set(written, hash);
  }
  return hashes;
};

/** The source files among `inputs` that name their own file, which the plugin must rewrite. */
const namingOwnFile = (bytes: ReadonlyMap<string, Buffer>): string[] =>
  [...bytes].flatMap(([path, content]) => (SOURCE_FILE.test(path) && namesOwnFile(content) ? [path] : []));

/**
 * The one bundle, read natively by esbuild, and the hashes of what it compiled and of the
 * configuration files that decided how (undefined when some file may have changed while it was
 * built, see `compiled-inputs.ts`, or when an import is a pattern esbuild expanded);
 * `entriesConfiguration` are those around the entries, looked for before the build. When some files name their own file (`import.meta`, `__dirname`), or
 * changed lately with no earlier hash to prove them by (a helper new to this run), the fleet is
 * bundled a second time with exactly those files read by the plugin: they are only known once
 * esbuild has listed its inputs, and both cases are rare.
 */
const bundleAndHash = async (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[], before: BeforeBuild, entriesConfiguration: readonly string[]) => {
  const reads: Reads = { compiled: new Map(), nodeLoaded: new Set() };
  // typeflake's stand-in, beside the bundle; the fleet did not write it, so it is no input of the fleet's.
  const exportsFile = join(outdir, "typeflake-exports.mjs");
  // Written synchronously, so that the build is asked for before this process turns to other work.
  writeFileSync(exportsFile, typeflakeExportsModule(exportNames));
  const first = await bundleTogether(root, entries, outdir, exportsFile, reads, undefined);
  const firstInputs = compiledInputs(first.inputs, before);
  // esbuild read them as it compiled: proven as the sources are, but never read by the plugin.
  // Those around the entries were looked for before the build; those around helpers only now. One
  // absent before the build is recorded absent, unread: if the build saw it made meanwhile, the
  // next run finds it and runs again, so no stale result is reused.
  const covered = new Set(entriesConfiguration.map(dirname));
  const absent = new Set(entriesConfiguration.filter((file) => before.recent.get(file) === ABSENT));
  const aroundHelpers = buildConfigurationFiles(first.inputs.filter((input) => !covered.has(dirname(input))));
  const configuration = compiledInputs([...new Set([...entriesConfiguration, ...aroundHelpers])].filter((file) => !absent.has(file)), before);
  // A pattern's matches are not recorded: a run whose fleet imports one is not recorded either.
  const compiled = (bundled: BundledTogether, sources: CompiledInputs) => {
    const linked = linkedHashes(bundled, sources);
    return !bundled.expandsPattern && sources.unproven.length === 0 && configuration.unproven.length === 0 && linked !== undefined
      ? new Map([
          ...bundled.passedOver.map((file): [string, string] => [file, ABSENT]),
          ...sources.hashes,
          ...linked,
          ...[...absent].map((file): [string, string] => [file, ABSENT]),
          ...configuration.hashes,
        ])
      : undefined;
  };
  const through = exactly([...new Set([...namingOwnFile(firstInputs.bytes), ...firstInputs.unproven])]);
  if (through === undefined) return { output: first.output, inputs: first.inputs, nodeLoaded: reads.nodeLoaded, compiled: compiled(first, firstInputs) };
  const again: Reads = { compiled: new Map(), nodeLoaded: new Set() };
  const second = await bundleTogether(root, entries, outdir, exportsFile, again, through);
  return { output: second.output, inputs: second.inputs, nodeLoaded: again.nodeLoaded, compiled: compiled(second, compiledInputs(second.inputs, before, again.compiled)) };
};

const buildMessages = (thrown: unknown): readonly Message[] | undefined => {
  const errors = (thrown as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as Message[]) : undefined;
};

/** `output` imported as fleet code loads (see `fleet-process.ts`), and what it read of the machine meanwhile. */
const evaluate = (output: string): Promise<FleetCodeLoaded<LoadedModule>> =>
  asFleetCodeLoads(
    dirname(output),
    async (): Promise<LoadedModule> => {
      try {
        return { ok: true, exports: (await nativeImport(pathToFileURL(output).href)) as Record<string, unknown> };
      } catch (thrown) {
        return { ok: false, kind: "threw", thrown };
      }
    },
    () => ({ ok: false, kind: "unsettled" }),
  );

/** `output`, bundled into `bundleFolder` (laid out as the fleet is), evaluated (see {@link evaluate}). */
const evaluateIn = async (output: string, bundleFolder: string): Promise<LoadedModule> => {
  const { value } = await evaluate(output);
  const looked = value.ok || value.kind !== "threw" ? undefined : computedImportMiss(value.thrown, bundleFolder);
  return looked === undefined ? value : { ok: false, kind: "computed-import", looked };
};

/** Each entry bundled and evaluated on its own, so every file gets exactly its own build errors. */
const loadAlone = (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[], reads: Reads): Promise<LoadedModule[]> =>
  Promise.all(
    entries.map(async (entry, index): Promise<LoadedModule> => {
      try {
        const folder = join(outdir, String(index));
        const { outputs } = await bundleEach(root, [entry], folder, exportNames, reads);
        return await evaluateIn(outputs.get(entry)!, folder);
      } catch (alone) {
        const messages = buildMessages(alone);
        if (!messages) throw alone;
        return { ok: false, kind: "build", messages };
      }
    }),
  );

/** Every entry bundled together (shared helpers split into chunks), each evaluated on its own. */
const loadEach = async (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[], reads: Reads): Promise<LoadedModule[]> => {
  const { outputs } = await bundleEach(root, entries, outdir, exportNames, reads);
  return Promise.all(entries.map((entry) => evaluateIn(outputs.get(entry)!, outdir)));
};

/** The one bundle as built (see {@link bundleAndHash}). */
type BuiltTogether = Awaited<ReturnType<typeof bundleAndHash>>;

/**
 * The usual case: the one bundle imported, and every file it read; undefined when some file
 * threw while Node evaluated it.
 */
const loadTogether = async (entries: readonly string[], bundled: BuiltTogether): Promise<LoadedModules | undefined> => {
  // Hashed before Node evaluates them: an edit made meanwhile makes the record miss, never lie.
  const packages = hashFiles([...bundled.nodeLoaded].flatMap(packageFilesOf));
  const { value: loaded, reads, printed } = await evaluate(bundled.output);
  if (!loaded.ok) return undefined;
  const modules = entries.map((entry, index): [string, LoadedModule] => [entry, { ok: true, exports: loaded.exports[`entry${index}`] as Record<string, unknown> }]);
  const { compiled } = bundled;
  const recordable = compiled !== undefined && reads.unrecordable === undefined;
  return {
    modules: new Map(modules),
    compiled: bundled.inputs,
    ...(recordable && { read: { files: new Map([...compiled, ...packages]), observed: reads.observed, printed } }),
  };
};

/** What a started bundle needs once it is built: where its files are, and typeflake's export names for the fallbacks. */
interface PreparedBundle {
  readonly outdir: string;
  readonly exportNames: readonly string[];
  /** The one bundle's build; it rejects with esbuild's errors when esbuild refuses a file. */
  readonly built: Promise<BuiltTogether>;
}

/** The fleet's one bundle, being built while the caller does other work (see {@link startFleetBundle}). */
export interface StartedBundle {
  /** The fleet root it was started for (absolute). */
  readonly root: string;
  /** The entries it bundles (absolute), in the order their exports are numbered. */
  readonly entries: readonly string[];
  readonly prepared: Promise<PreparedBundle>;
}

/** A promise whose failure is handled where it is awaited, later: not an unhandled rejection meanwhile. */
const awaitedLater = <T>(promise: Promise<T>): Promise<T> => {
  promise.catch(() => undefined);
  return promise;
};

/**
 * Start bundling `entries` (absolute paths under the absolute `root`) now, so that esbuild, in
 * its own process, builds while this one loads the rest of the pipeline (validation, lowering,
 * the printer: about 0.1 s; the build of 1,000 hosts takes about 0.3 s). `known` (absolute)
 * are the files the fleet is expected to read besides its entries (the last recorded run's), so
 * that a recently edited helper can be proven unchanged by the build (see `compiled-inputs.ts`).
 * Errors surface when {@link loadFleetModules} awaits the bundle.
 */
export const startFleetBundle = (root: string, entries: readonly string[], known: readonly string[] = []): StartedBundle => {
  startBundler();
  const prepared = (async (): Promise<PreparedBundle> => {
    const exportNames = await typeflakeExports();
    // Synchronous up to the build request: awaiting here would let the pipeline's loading run first.
    const { outdir, parent } = bundleFolder(root);
    const configuration = buildConfigurationFiles(entries);
    const before = beforeBuild([...new Set([...entries, ...known, ...configuration])]);
    const built = awaitedLater(bundleAndHash(root, entries, outdir, exportNames, before, configuration));
    // Meanwhile: earlier runs' leftovers (never a live process's, so never this folder).
    await removeAbandoned(parent);
    return { outdir, exportNames, built };
  })();
  return { root, entries, prepared: awaitedLater(prepared) };
};

/** The fleet's files as loaded, and every file loading them read. */
export interface LoadedModules {
  /** Entry (absolute path) → its exports, or why it has none. */
  readonly modules: ReadonlyMap<string, LoadedModule>;
  /**
   * Every file the load read, hashed, and what fleet code observed of the machine; absent when the
   * one bundle failed and files were loaded one by one (a run with errors, which is never cached),
   * when a file may have changed while the bundle was built, or when fleet code did what no
   * observation describes (ran a program, used the network, wrote a file): the run is then not
   * recorded.
   */
  readonly read?: LoadReads;
  /**
   * Every file the one bundle compiled (absolute): the fleet's definition files and all they
   * import. Absent when the files were loaded one by one (a run with errors).
   */
  readonly compiled?: readonly string[];
}

/**
 * Load every entry of a started bundle (see {@link startFleetBundle}). A fleet that loads
 * costs one bundle and one import. When that bundle throws while Node evaluates it, the entries
 * are loaded again, each evaluated on its own, so the throw is reported in the file it came from
 * and the other files still load; when esbuild refuses it, each file is bundled alone, so that
 * one file's mistake does not hide the others' and every file gets exactly its own errors. Only
 * on those two paths is a fleet file evaluated twice.
 */
export const loadFleetModules = async ({ root, entries, prepared }: StartedBundle): Promise<LoadedModules> => {
  const { outdir, exportNames, built } = await prepared;
  try {
    return await loadBuilt(root, entries, outdir, exportNames, built);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};

/** The one bundle evaluated, or when it fails the fallbacks (see {@link loadFleetModules}). */
const loadBuilt = async (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[], built: Promise<BuiltTogether>): Promise<LoadedModules> => {
  // What the fallbacks read is not kept: their runs have errors.
  const unrecorded: Reads = { compiled: new Map(), nodeLoaded: new Set() };
  let refused = false;
  try {
    const together = await loadTogether(entries, await built);
    if (together) return together;
  } catch (thrown) {
    if (!buildMessages(thrown)) throw thrown;
    refused = true;
  }
  // Only the fallbacks report throws from fleet files, with stack traces read through their
  // bundles' source maps; enabled no earlier, since Node then parses the map of every module
  // loaded after it (typeflake's own chunks included) on every run.
  process.setSourceMapsEnabled(true);
  const modules = refused
    ? await loadAlone(root, entries, join(outdir, "alone"), exportNames, unrecorded)
    : await loadEach(root, entries, join(outdir, "each"), exportNames, unrecorded);
  return { modules: new Map(entries.map((entry, index) => [entry, modules[index]!])) };
};
