/**
 * `require()` of a CommonJS package whose main file is worth keeping compiled between runs
 * (esbuild's). From the sources this is Node's own `require`; in the compiled package the build
 * binds this module to the loader's (`bin/compiled-modules.mjs`), which compiles that one file
 * with V8's code cache and leaves everything it requires to Node.
 */
import { createRequire } from "node:module";

/**
 * The exports of the package `specifier`, required from the module at the URL `from`.
 *
 * @param {string} specifier a CommonJS package (its main file a CommonJS module)
 * @param {string} from the requiring module's URL
 * @returns {unknown}
 */
export const cachedRequire = (specifier, from) => createRequire(from)(specifier);
