/** The exports of the CommonJS package `specifier`, required from the module at the URL `from` (see cached-require.mjs). */
export declare const cachedRequire: (specifier: string, from: string) => unknown;
