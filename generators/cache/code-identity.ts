/**
 * Which typeflake is running, as one hash: a cached run is reused only by the very code that
 * made it. It covers typeflake's version, its build (`dist/build-id`, the hash of everything the
 * build wrote, the shipped option index included; from sources, the hash of `dsl/`, `services/`
 * and `generators/` taken at run time), the versions of the packages it depends on (zod validates,
 * esbuild loads the fleet), and Node's version.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import { RUNS_COMPILED, SOURCE_FOLDERS, TYPEFLAKE_PACKAGE_INFO, typeflakeFile } from "../package-info.ts";

/** The build's hash, in `dist/`. */
export const BUILD_ID_FILE = "build-id";

/** The folders of the running code: all of `dist/` when compiled, `dsl/`, `services/` and `generators/` from sources. */
export const codeFolders = (): string[] => (RUNS_COMPILED ? [typeflakeFile("")] : SOURCE_FOLDERS.map(typeflakeFile));

/** One hash of every file under `folders` (the build id aside): their paths and bytes, in a stable order. */
export const codeTreeHash = async (folders: readonly string[]): Promise<string> => {
  const hash = createHash("sha256");
  for (const folder of folders) {
    const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !(entry.parentPath === folder && entry.name === BUILD_ID_FILE))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    const contents = await Promise.all(files.map((file) => readFile(file)));
    files.forEach((file, index) => hash.update(`${file.slice(folder.length)}\0`).update(contents[index]!));
  }
  return hash.digest("hex");
};

/** The version of the installed package `name`, found as Node would from typeflake's folder; `missing` when none is. */
const installedVersion = async (name: string): Promise<string> => {
  for (let folder = TYPEFLAKE_PACKAGE_INFO.root; ; folder = join(folder, "..")) {
    const text = await readFile(join(folder, "node_modules", name, "package.json"), "utf8").catch(() => undefined);
    if (text !== undefined) return String((JSON.parse(text) as { version?: unknown }).version);
    if (join(folder, "..") === folder) return "missing";
  }
};

/** The hash that names the running typeflake, its dependencies and Node. */
export const codeIdentity = async (): Promise<string> => {
  const manifest = JSON.parse(await readFile(join(TYPEFLAKE_PACKAGE_INFO.root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const dependencies = Object.keys(manifest.dependencies ?? {}).sort();
  const [build, versions] = await Promise.all([
    readFile(typeflakeFile(BUILD_ID_FILE), "utf8").catch(() => codeTreeHash(codeFolders())),
    Promise.all(dependencies.map(async (name) => `${name}@${await installedVersion(name)}`)),
  ]);
  const identity = { typeflake: TYPEFLAKE_PACKAGE_INFO.version, build: build.trim(), dependencies: versions, node: process.version };
  return contentHash(JSON.stringify(identity));
};
