/**
 * An import whose name fleet code computes as it runs (`await import(name)`, `require(name)`) is
 * one esbuild cannot read, so it stays in the bundle for Node to resolve when the bundle runs —
 * against the bundle's file in typeflake's temporary folder, not the fleet file that wrote it. A
 * relative name then finds nothing there. Told apart from other failed imports here, so the report
 * says why and how to write the import, instead of naming a temporary path.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Node's `require` error names the module as written: `Cannot find module './conf.cjs'`. */
const REQUIRED_NAME = /^Cannot find module '([^']*)'/;

/** The absolute path Node looked for when `thrown` is its failure to find a module (ESM or CommonJS); undefined for any other throw. */
const missingModule = (thrown: Error): string | undefined => {
  const { code, url, requireStack } = thrown as { code?: unknown; url?: unknown; requireStack?: unknown };
  if (code === "ERR_MODULE_NOT_FOUND") return typeof url === "string" && url.startsWith("file:") ? fileURLToPath(url) : undefined;
  if (code !== "MODULE_NOT_FOUND" || !Array.isArray(requireStack) || typeof requireStack[0] !== "string") return undefined;
  const name = REQUIRED_NAME.exec(thrown.message)?.[1];
  // A package name is looked for in node_modules folders, which the bundle shares with the fleet.
  return name !== undefined && /^\.{1,2}(\/|$)/.test(name) ? resolve(dirname(requireStack[0]), name) : undefined;
};

/**
 * Where, relative to the bundle's folder `bundleFolder` (laid out as the fleet is), Node looked
 * for a module it did not find when `thrown` is that failure and the place is inside the folder:
 * a relative import whose name was computed as the file ran. Undefined for any other throw (one
 * that throws as it is read included).
 */
export const computedImportMiss = (thrown: unknown, bundleFolder: string): string | undefined => {
  try {
    const missing = thrown instanceof Error ? missingModule(thrown) : undefined;
    const inside = missing === undefined ? undefined : relative(bundleFolder, missing);
    return inside === undefined || inside === "" || inside.startsWith("..") || isAbsolute(inside) ? undefined : inside.split(sep).join("/");
  } catch {
    return undefined;
  }
};
