/**
 * The files esbuild passed over to resolve a relative import: for `./mod` it tries `mod.tsx`,
 * `mod.ts`, `mod.jsx`, `mod.js`, … then `mod/index.*`, and takes the first that exists; for
 * `./mod.js` written in TypeScript, `mod.js` before `mod.ts`. The metafile names only the file it
 * took, so a higher-ranked file added later would go unseen by the run cache: each one passed over
 * is recorded as absent (`fleet-bundle.ts`). Likewise an import that reached its file through a
 * symbolic link: the path as written is recorded, so that pointing the link elsewhere is seen.
 */
import { extname, join, resolve } from "node:path";
import { realPathOf } from "../stat-of.ts";

/** esbuild's default order for an import without an extension (`resolveExtensions`). */
const EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".css", ".json"] as const;

const isRelative = (specifier: string): boolean => specifier.startsWith("./") || specifier.startsWith("../");

/** The files esbuild looks for, in its order, for an import of the absolute path `written` without an extension. */
const extensionCandidates = (written: string): string[] => [
  ...EXTENSIONS.map((extension) => `${written}${extension}`),
  ...EXTENSIONS.map((extension) => join(written, `index${extension}`)),
];

/** The files esbuild would have taken before `resolved` (absolute) for `specifier`, written in a file of `folder` (absolute). */
export const passedOverCandidates = (folder: string, specifier: string, resolved: string): string[] => {
  if (!isRelative(specifier)) return [];
  const written = resolve(folder, specifier);
  if (resolved === written) return [];
  // `./mod.js` that found `mod.ts`: a `mod.js` would have been taken first.
  if ([".js", ".jsx", ".mjs", ".cjs"].includes(extname(written)) && extname(resolved) !== extname(written)) return [written];
  const candidates = extensionCandidates(written);
  const taken = candidates.indexOf(resolved);
  return taken < 0 ? [] : candidates.slice(0, taken);
};

/**
 * The path `specifier` names when esbuild reached `resolved` through a symbolic link (`./shared.ts`
 * a link to `../common/a.ts`, or a linked folder on the way): the metafile names only the real
 * file, so the link pointed elsewhere later would go unseen by the run cache. The path as written
 * is recorded too, with the hash of the file it led to (`fleet-bundle.ts`). Undefined when no link
 * was crossed.
 */
export const linkedPath = (folder: string, specifier: string, resolved: string): string | undefined => {
  if (!isRelative(specifier)) return undefined;
  const written = resolve(folder, specifier);
  const candidates = [written, ...extensionCandidates(written)];
  // Reached without a link, the usual case, answered without a look at the disk (a link among the
  // candidates before it is recorded as passed over: found, it makes every next run run).
  if (candidates.includes(resolved)) return undefined;
  return candidates.find((candidate) => realPathOf(candidate) === resolved);
};
