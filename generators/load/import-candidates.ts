/**
 * The files esbuild passed over to resolve a relative import: for `./mod` it tries `mod.tsx`,
 * `mod.ts`, `mod.jsx`, `mod.js`, … then `mod/index.*`, and takes the first that exists; for
 * `./mod.js` written in TypeScript, `mod.js` before `mod.ts`. The metafile names only the file it
 * took, so a higher-ranked file added later would go unseen by the run cache: each one passed over
 * is recorded as absent (`fleet-bundle.ts`).
 */
import { extname, join, resolve } from "node:path";

/** esbuild's default order for an import without an extension (`resolveExtensions`). */
const EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".css", ".json"] as const;

/** The files esbuild would have taken before `resolved` (absolute) for `specifier`, written in a file of `folder` (absolute). */
export const passedOverCandidates = (folder: string, specifier: string, resolved: string): string[] => {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return [];
  const written = resolve(folder, specifier);
  if (resolved === written) return [];
  // `./mod.js` that found `mod.ts`: a `mod.js` would have been taken first.
  if ([".js", ".jsx", ".mjs", ".cjs"].includes(extname(written)) && extname(resolved) !== extname(written)) return [written];
  const candidates = [...EXTENSIONS.map((extension) => `${written}${extension}`), ...EXTENSIONS.map((extension) => join(written, `index${extension}`))];
  const taken = candidates.indexOf(resolved);
  return taken < 0 ? [] : candidates.slice(0, taken);
};
