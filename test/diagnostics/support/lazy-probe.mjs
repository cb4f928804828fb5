/**
 * Run as its own Node process, started like bin/typeflake.mjs (tsx registered, then TypeScript
 * imported): load and validate the fleet at argv[2] and print, as JSON, whether a fleet came back,
 * how many diagnostics, and whether ts-morph (or the TypeScript
 * compiler it bundles) was loaded. Both are CommonJS, so loading them leaves them in Node's
 * require cache.
 */
import { createRequire } from "node:module";
import { register } from "tsx/esm/api";

register();
const { loadAndValidate } = await import("../../../generators/load/index.ts");
const { fleet, diagnostics } = await loadAndValidate(process.argv[2]);
const tsMorphLoaded = Object.keys(createRequire(import.meta.url).cache).some((path) =>
  /[\\/]node_modules[\\/](ts-morph|@ts-morph[\\/]common)[\\/]/.test(path),
);
process.stdout.write(JSON.stringify({ fleet: fleet !== undefined, diagnostics: diagnostics.length, tsMorphLoaded }));
