/** The modules the compiled code imports from the loader, as `typeflake:<name>` (see compiled-modules.mjs). */
export declare const PROVIDED_MODULES: readonly string[];

/** The exports of a compiled module, named by its path under `dist/` (`dsl/index.cjs`). */
export declare const loadCompiled: (name: string) => unknown;

/** Run typeflake's command line, with the code cache. */
export declare const runCli: () => void;
