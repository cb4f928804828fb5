/** The module name under which the compiled code imports Node's own `import()` from the loader (see compiled-modules.mjs). */
export declare const NATIVE_IMPORT_MODULE: string;

/** The exports of a compiled module, named by its path under `dist/` (`dsl/index.cjs`). */
export declare const loadCompiled: (name: string) => unknown;

/** Run typeflake's command line, with the code cache. */
export declare const runCli: () => void;
