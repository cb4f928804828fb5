/**
 * Node's own `import()`, in plain JavaScript so that a test runner that evaluates TypeScript
 * itself (vitest, told so in vitest.config.ts) leaves this file to Node: fleet files must reach
 * Node's loader, where tsx's hooks are, exactly as under the typeflake CLI.
 *
 * @param {string} specifier an absolute file: URL
 * @returns {Promise<unknown>} the module namespace
 */
export const nativeImport = (specifier) => import(specifier);
