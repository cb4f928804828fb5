/**
 * The import cycles among a repository's own source files, found with TypeScript's own module
 * resolver (ts-morph's bundled compiler: the `typescript` package here is TypeScript 7, which has
 * no JavaScript API, so madge and its TypeScript detective cannot run on it). Every import counts,
 * type-only and dynamic ones included: a cycle of types is still two files that cannot be read,
 * tested or moved apart.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ts } from "ts-morph";

// As tsconfig.json resolves: Node's ESM rules, `.ts` specifiers, "typeflake" meaning the sources.
const RESOLUTION: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  customConditions: ["typeflake-source"],
};

const isSource = (name: string): boolean => /\.(ts|mts|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name);

/** Every source file under `folders` of `root` (absolute paths). */
const sourceFiles = (root: string, folders: readonly string[]): string[] =>
  folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .map(String)
      .filter(isSource)
      .map((name) => join(root, folder, name)),
  );

/** Each file's imports that resolve to another of `files`. */
const importGraph = (files: readonly string[]): Map<string, string[]> => {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      const targets = importedFiles
        .map((imported) => ts.resolveModuleName(imported.fileName, file, RESOLUTION, ts.sys).resolvedModule?.resolvedFileName)
        .filter((target): target is string => target !== undefined && known.has(target));
      return [file, targets];
    }),
  );
};

/** The strongly connected components of more than one file, or of a file importing itself (Tarjan). */
const cyclicComponents = (graph: ReadonlyMap<string, readonly string[]>): string[][] => {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (stack.includes(target)) {
        lowest.set(file, Math.min(lowest.get(file)!, order.get(target)!));
      }
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1 || graph.get(file)?.includes(file)) components.push(component);
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return components;
};

/**
 * The import cycles among the source files under `folders` of `root`: each as the sorted paths
 * (relative to `root`) of the files that import one another, round and round.
 */
export const importCycles = (root: string, folders: readonly string[]): string[][] =>
  cyclicComponents(importGraph(sourceFiles(root, folders)))
    .map((component) => component.map((file) => relative(root, file).split("\\").join("/")).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
