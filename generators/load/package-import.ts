/**
 * Whether a bare import (`import … from "name/…"`) names a package Node will find at run time, or
 * is an alias only the build knows: a tsconfig `paths` entry (`@lib/net`), a package.json
 * `imports` entry (`#lib/net`), or a `paths` entry shadowing an installed package's name. Node
 * cannot resolve an alias, so the bundle must compile the file it stands for, like any local file.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, sep } from "node:path";

/** The package a bare specifier names (`@scope/name` or `name`); none for a package.json `imports` entry (`#…`). */
export const packageNameOf = (specifier: string): string | undefined => {
  if (specifier.startsWith("#")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
};

/**
 * Whether `resolved` (absolute: where the build resolved `specifier`, imported from a file in
 * `resolveDir`) lies in the package Node finds for that name: the first `node_modules/<name>` up
 * from `resolveDir`, through any symbolic link (the build reports real paths).
 */
export const resolvesToInstalledPackage = (specifier: string, resolveDir: string, resolved: string): boolean => {
  const name = packageNameOf(specifier);
  if (name === undefined) return false;
  for (let folder = resolveDir; ; folder = dirname(folder)) {
    const installed = join(folder, "node_modules", name);
    if (existsSync(installed)) {
      const real = realpathSync(installed);
      return resolved === real || resolved.startsWith(`${real}${sep}`);
    }
    if (dirname(folder) === folder) return false;
  }
};
