/** Node's own `import()` of an absolute file: URL (see native-import.mjs). */
export declare const nativeImport: (specifier: string) => Promise<unknown>;
