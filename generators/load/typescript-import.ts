/**
 * Import a fleet's TypeScript files with no build step. Under the typeflake CLI, tsx's loader is
 * already active, and fleet files are imported natively: their `import … from "typeflake"` then
 * reaches the very modules (and zod) the CLI has loaded, so nothing is evaluated twice. Anywhere
 * TypeScript cannot be imported yet (a test runner, a plain Node script), tsx's loader is
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

/**
 * Node's own `import()`. Test runners rewrite `import()` in the modules they run into their own
 * loader; fleet files must reach Node's, where tsx's hooks are.
 */
const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/** The typeflake entry fleet files import; loading it proves TypeScript can be imported. */
const TYPEFLAKE_ENTRY = new URL("../../dsl/index.ts", import.meta.url).href;

let ready: Promise<void> | undefined;

const enableTypeScript = async (): Promise<void> => {
  try {
    await nativeImport(TYPEFLAKE_ENTRY);
  } catch (thrown) {
    if ((thrown as { code?: unknown }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw thrown;
    const { register } = await import("tsx/esm/api");
    register();
  }
};

let generation = 0;

/** A token that makes the next imports evaluate fleet files again instead of reusing earlier loads. */
export const nextGeneration = (): number => ++generation;

/** The module namespace of the TypeScript file at `path` (absolute), evaluated for `load`. */
export const importTypeScript = async (path: string, load: number): Promise<Record<string, unknown>> => {
  ready ??= enableTypeScript();
  await ready;
  return (await nativeImport(`${pathToFileURL(path).href}?typeflake-load=${load}`)) as Record<string, unknown>;
};
