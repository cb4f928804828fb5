import type { Script } from "node:vm";

/** One module as the code cache knows it. */
export interface CachedModule {
  /** The code cached for this very source, if any. */
  readonly cachedData: Buffer | undefined;
  /** To be told the module was compiled, with `cachedData` or without. */
  readonly compiled: (script: Script) => void;
}

/** V8's cached code of typeflake's compiled modules, kept in one file (see code-cache.mjs). */
export interface CodeCache {
  /** The module named `name` (its path under `dist/`), whose source is `source`. */
  readonly module: (name: string, source: Buffer) => CachedModule;
  /** Write the cache of the modules compiled without usable cached code, if any. */
  readonly save: () => void;
}

/** The code cache kept in `file` (absolute). */
export declare const openCodeCache: (file: string) => CodeCache;
