/**
 * Load a fleet's TypeScript files with no build step of the user's, whatever the fleet's
 * package.json says (ESM or CommonJS), local `.ts` helpers included: esbuild bundles the fleet's
 * own files in one pass (shared helpers split into chunks, so each is evaluated once), and Node
 * imports the result. `import … from "typeflake"` is bound to the running typeflake (see
 * `typeflake-instance.ts`); other packages stay imports that Node resolves from the fleet's
 * node_modules, which is why the bundle is written under it (`node_modules/.cache/typeflake/`).
 * Source maps point back at the TypeScript the user wrote, so a throw is reported at its line.
 */
import { build, transform, type Message, type Plugin } from "esbuild";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { nativeImport } from "./native-import.mjs";
import { TYPEFLAKE_ENTRY, typeflakeExports } from "./typeflake-instance.ts";

/** One fleet file as loaded: its exports, or why it has none. */
export type LoadedModule =
  | { readonly ok: true; readonly exports: Record<string, unknown> }
  /** esbuild refused it or a file it imports: syntax errors, imports that do not resolve. */
  | { readonly ok: false; readonly kind: "build"; readonly messages: readonly Message[] }
  /** It threw while Node evaluated it (or an import failed to link). */
  | { readonly ok: false; readonly kind: "threw"; readonly thrown: unknown };

const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" } as const;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

/** `import.meta.url`, `.dirname` and `.filename` keep meaning the file the user wrote, not the bundle. */
const importMetaOf = (path: string): Record<string, string> => ({
  "import.meta.url": JSON.stringify(pathToFileURL(path).href),
  "import.meta.dirname": JSON.stringify(dirname(path)),
  "import.meta.filename": JSON.stringify(path),
});

/** Marks the plugin's own look-ups, so that it does not answer them itself. */
const CHECKING = Symbol("checking a package import");

const fleetPlugin = (exportNames: readonly string[]): Plugin => ({
  name: "typeflake-fleet",
  setup(bundler) {
    bundler.onResolve({ filter: /^typeflake$/ }, () => ({ path: "typeflake", namespace: "typeflake" }));
    bundler.onLoad({ filter: /.*/, namespace: "typeflake" }, () => ({
      contents: `export { ${exportNames.join(", ")} } from ${JSON.stringify(TYPEFLAKE_ENTRY)};`,
      loader: "js",
    }));
    bundler.onResolve({ filter: /^file:/ }, (args) => ({ path: args.path, external: true }));
    // Packages stay imports for Node to resolve at run time, but one that is not installed is
    // reported now, at the import that names it.
    bundler.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === CHECKING) return undefined;
      const found = await bundler.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: CHECKING });
      return found.errors.length > 0 ? { errors: found.errors } : { path: args.path, external: true };
    });
    bundler.onLoad({ filter: SOURCE_FILE }, async (args) => {
      const loader = LOADERS[extname(args.path) as keyof typeof LOADERS];
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta")) return { contents: text, loader };
      // Rewritten per file before bundling; the inline map keeps positions pointing at the original.
      const { code } = await transform(text, { loader, format: "esm", sourcefile: args.path, sourcemap: "inline", define: importMetaOf(args.path) });
      return { contents: code, loader: "js" };
    });
  },
});

/** Bundles go beside the packages their imports name, so Node finds them; else to the system's temporary folder. */
const bundleParent = async (root: string): Promise<string> => {
  for (let folder = root; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "node_modules"))) {
      const parent = join(folder, "node_modules", ".cache", "typeflake");
      await mkdir(parent, { recursive: true });
      return parent;
    }
    if (dirname(folder) === folder) return tmpdir();
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (thrown) {
    return (thrown as { code?: unknown }).code === "EPERM";
  }
};

/** Bundles left by a typeflake that was killed before it could remove them (`load-<pid>-…`). */
const removeAbandoned = async (parent: string): Promise<void> => {
  const names = await readdir(parent).catch(() => []);
  await Promise.all(
    names
      .filter((name) => /^load-\d+-/.test(name) && !isAlive(Number(name.split("-")[1])))
      .map((name) => rm(join(parent, name), { recursive: true, force: true })),
  );
};

interface Bundled {
  /** Entry (absolute path) → its bundled output (absolute path). */
  readonly outputs: ReadonlyMap<string, string>;
}

const bundle = async (root: string, entries: readonly string[], outdir: string, exportNames: readonly string[]): Promise<Bundled> => {
  const result = await build({
    entryPoints: [...entries],
    absWorkingDir: root,
    outdir,
    outbase: root,
    bundle: true,
    splitting: true,
    format: "esm",
    // ESM whatever the package.json above the bundle says.
    outExtension: { ".js": ".mjs" },
    platform: "node",
    target: "node20",
    sourcemap: "inline",
    sourcesContent: false,
    metafile: true,
    write: true,
    logLevel: "silent",
    plugins: [fleetPlugin(exportNames)],
  });
  const outputs = new Map<string, string>();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs.set(resolve(root, meta.entryPoint), resolve(root, output));
  }
  return { outputs };
};

const buildMessages = (thrown: unknown): readonly Message[] | undefined => {
  const errors = (thrown as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as Message[]) : undefined;
};

const evaluate = async (output: string): Promise<LoadedModule> => {
  try {
    return { ok: true, exports: (await nativeImport(pathToFileURL(output).href)) as Record<string, unknown> };
  } catch (thrown) {
    return { ok: false, kind: "threw", thrown };
  }
};

/**
 * Load every file of `entries` (absolute paths under the absolute `root`): one bundle for all of
 * them; when esbuild refuses it, each file alone, so that one file's mistake does not hide the
 * others' and every file gets exactly its own errors.
 */
export const loadFleetModules = async (root: string, entries: readonly string[]): Promise<ReadonlyMap<string, LoadedModule>> => {
  const exportNames = await typeflakeExports();
  const parent = await bundleParent(root);
  await removeAbandoned(parent);
  const outdir = await mkdtemp(join(parent, `load-${process.pid}-`));
  // Stack traces of throws in fleet files read through the bundles' source maps.
  process.setSourceMapsEnabled(true);
  try {
    const loaded = new Map<string, LoadedModule>();
    try {
      const { outputs } = await bundle(root, entries, outdir, exportNames);
      await Promise.all(entries.map(async (entry) => loaded.set(entry, await evaluate(outputs.get(entry)!))));
    } catch (thrown) {
      if (!buildMessages(thrown)) throw thrown;
      await Promise.all(
        entries.map(async (entry, index) => {
          try {
            const { outputs } = await bundle(root, [entry], join(outdir, String(index)), exportNames);
            loaded.set(entry, await evaluate(outputs.get(entry)!));
          } catch (alone) {
            const messages = buildMessages(alone);
            if (!messages) throw alone;
            loaded.set(entry, { ok: false, kind: "build", messages });
          }
        }),
      );
    }
    return loaded;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};
