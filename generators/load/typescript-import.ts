/**
 * Import a fleet's TypeScript files with no build step. Under the typeflake CLI, tsx's loader is
 * already active and fleet files are imported natively: their `import … from "typeflake"` then
 * reaches the very modules (and zod) the CLI has loaded, so nothing is evaluated twice. Where
 * Node cannot import TypeScript yet (a test runner, a plain Node script), tsx's loader is
 * registered first, through its programmatic API.
 *
 * Fleet files import `"typeflake"` by its package name, resolved by Node as usual: in a project
 * that depends on typeflake, from node_modules; inside this repository (examples/, test
 * fixtures), through the package.json `exports` self-reference.
 *
 * Each load adds a fresh query to the files' URLs, so a file edited between two loads in one
 * process (tests, a watch mode) is evaluated again; typeflake itself is not.
 */
import { pathToFileURL } from "node:url";
import { nativeImport } from "./native-import.mjs";

/**
 * Importing typeflake's entry proves Node can import TypeScript. The query keeps a failed
 * attempt out of the module cache entry fleet files will use.
 */
const PROBE = `${new URL("../../dsl/index.ts", import.meta.url).href}?typeflake-probe`;

const enableTypeScript = async (): Promise<void> => {
  try {
    await nativeImport(PROBE);
  } catch (thrown) {
    if ((thrown as { code?: unknown }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw thrown;
    const { register } = await import("tsx/esm/api");
    register();
  }
};

let ready: Promise<void> | undefined;
let generation = 0;

/** A token that makes the next imports evaluate fleet files again instead of reusing earlier loads. */
export const nextGeneration = (): number => ++generation;

/** The module namespace of the TypeScript file at `path` (absolute), evaluated for `load`. */
export const importTypeScript = async (path: string, load: number): Promise<Record<string, unknown>> => {
  ready ??= enableTypeScript();
  await ready;
  return (await nativeImport(`${pathToFileURL(path).href}?typeflake-load=${load}`)) as Record<string, unknown>;
};
