/**
 * The typeflake that is running: fleet files' `import … from "typeflake"` must reach this very
 * instance (its `define*` brands, its zod), not a second copy found in the fleet's node_modules.
 * From the published package that is `dist/dsl/index.js`, an entry of the same bundle as the CLI
 * whose exports come from the loader the CLI's chunks run through (`bin/compiled-modules.mjs`,
 * see scripts/bundle.ts); from this repository's
 * sources (tsx, vitest) it is `dsl/index.ts`, which Node can import only once tsx's hooks are
 * registered.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { RUNS_COMPILED, typeflakeFile } from "../package-info.ts";
import { nativeImport } from "./native-import.mjs";

/** The running typeflake's public entry, as a file URL: `.js` when compiled, `.ts` from sources. */
export const TYPEFLAKE_ENTRY = pathToFileURL(typeflakeFile(`dsl/index.${RUNS_COMPILED ? "js" : "ts"}`)).href;

/** Node imports the entry as is when compiled; from sources, once tsx's hooks are registered. */
const enableTypeScriptEntry = async (): Promise<void> => {
  if (RUNS_COMPILED) return;
  try {
    await nativeImport(`${TYPEFLAKE_ENTRY}?typeflake-probe`);
  } catch (thrown) {
    if ((thrown as { code?: unknown }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw thrown;
    const { register } = await import("tsx/esm/api");
    register();
  }
};

/**
 * The names the compiled entry exports, listed beside it by the build (`scripts/bundle.ts`): a
 * fleet's bundle, which needs them, can start without waiting for the DSL and zod to load.
 */
export const DSL_EXPORT_NAMES_FILE = "dsl/export-names.json";

let exportNames: Promise<readonly string[]> | undefined;

/** The names the running typeflake exports: as its build listed them, or from sources once Node can import its entry. */
export const typeflakeExports = (): Promise<readonly string[]> =>
  (exportNames ??= RUNS_COMPILED
    ? Promise.resolve(JSON.parse(readFileSync(typeflakeFile(DSL_EXPORT_NAMES_FILE), "utf8")) as readonly string[])
    : enableTypeScriptEntry().then(async () => Object.keys((await nativeImport(TYPEFLAKE_ENTRY)) as object)));
