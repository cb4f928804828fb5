/**
 * The files besides a fleet's sources that decide how esbuild compiles and resolves them, so that
 * the run cache sees an edit to any of them: in every folder from each compiled file's up to the
 * root of the file system, `package.json` (`type`, `imports`, `sideEffects`), `tsconfig.json` and
 * `jsconfig.json` (`paths`, `baseUrl`, decorators, JSX, class fields), present or not (one created
 * nearer takes over), and every file a tsconfig `extends`, found as esbuild finds it.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import stripJsonComments from "strip-json-comments";
import { packageNameOf } from "./package-import.ts";

const CONFIGURATION_NAMES = ["package.json", "tsconfig.json", "jsconfig.json"] as const;
const TSCONFIG_NAMES: ReadonlySet<string> = new Set(["tsconfig.json", "jsconfig.json"]);

/** The configuration files esbuild looks for around `sources` (absolute), present or not; no `extends` followed. */
const configurationFilesAround = (sources: Iterable<string>): string[] => {
  const files: string[] = [];
  const folders = new Set<string>();
  for (const source of sources) {
    for (let folder = dirname(source); !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
      for (const name of CONFIGURATION_NAMES) files.push(join(folder, name));
      if (dirname(folder) === folder) break;
    }
  }
  return files;
};

/** Where esbuild looks for what `extends` names, from a tsconfig in `folder`: a relative path, or a package's file. */
const extendedCandidates = (folder: string, extended: string): string[] => {
  if (extended.startsWith(".") || isAbsolute(extended)) {
    const path = isAbsolute(extended) ? extended : join(folder, extended);
    return [path, `${path}.json`];
  }
  const name = packageNameOf(extended);
  const candidates: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const modules = join(at, "node_modules");
    candidates.push(join(modules, extended), join(modules, `${extended}.json`), join(modules, extended, "tsconfig.json"));
    if (name !== undefined) candidates.push(join(modules, name, "package.json"));
    if (dirname(at) === at) return candidates;
  }
};

/** The `extends` of the tsconfig at `file` (one name or several); none when it is absent or unreadable (esbuild then reports it). */
const extendsOf = (file: string): string[] => {
  let config: unknown;
  try {
    // tsconfig is JSON with comments and trailing commas, as TypeScript and esbuild read it.
    config = JSON.parse(stripJsonComments(readFileSync(file, "utf8"), { trailingCommas: true }));
  } catch {
    return [];
  }
  const extended = (config as { extends?: unknown } | undefined)?.extends;
  const names = Array.isArray(extended) ? extended : [extended];
  return names.filter((name): name is string => typeof name === "string" && name !== "");
};

/**
 * The configuration files around `sources` (absolute), the files their tsconfigs extend, and
 * those extend, present or not.
 */
export const buildConfigurationFiles = (sources: Iterable<string>): string[] => {
  const files = new Set(configurationFilesAround(sources));
  const pending = [...files].filter((file) => TSCONFIG_NAMES.has(basename(file)) && existsSync(file));
  const followed = new Set(pending);
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const extended of extendsOf(file)) {
      for (const candidate of extendedCandidates(dirname(file), extended)) {
        files.add(candidate);
        if (!followed.has(candidate) && existsSync(candidate) && basename(candidate) !== "package.json") {
          followed.add(candidate);
          pending.push(candidate);
        }
      }
    }
  }
  return [...files];
};
