/**
 * Definition files where typeflake does not look for them: `hosts/web.ts` beside the host folders
 * (hosts are `hosts/<name>/host.ts`), `modules/web/nginx.ts` in a subfolder, `modules/web.mts`
 * or `overlays/pin.js` with another extension, `homes/alice/alice.ts` beside a user's `home.ts`. typeflake loads such a file only when a fleet file
 * imports it; one that calls a `define*` function and that nothing imports was most likely meant
 * as a definition, and would otherwise be left out of the flake without a word.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { LoadFields } from "../diagnostics/codes/load.ts";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { readRegularFile } from "../read-regular-file.ts";
import { HOME_FILE, HOMES_DIR, HOST_FILE, HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR } from "./layout.ts";

/** A file that calls a `define*` function but is not where typeflake loads definitions from. */
export interface MisplacedDefinition {
  /** Relative to the fleet root, with `/` separators. */
  readonly file: string;
  /** What it defines: the first of `defineHost`, `defineModule`, `defineOverlay` it calls. */
  readonly defines: MisplacedKind;
}

/** The definitions that live in a folder of their own kind. */
type MisplacedKind = LoadFields["misplaced-definition"]["defines"];

const CALLS: readonly (readonly [MisplacedKind, RegExp])[] = [
  ["host", /\bdefineHost\s*\(/],
  ["module", /\bdefineModule\s*\(/],
  ["overlay", /\bdefineOverlay\s*\(/],
  ["home", /\bdefineHome\s*\(/],
];

/** JavaScript and TypeScript a fleet could be written in, declaration files aside. */
const isScript = (name: string): boolean => /\.(?:[cm]?[jt]s|[jt]sx)$/.test(name) && !/\.d\.[cm]?ts$/.test(name);

/** Skipped while searching: hidden entries (`.git`) and installed packages. */
const isSkipped = (name: string): boolean => name.startsWith(".") || name === "node_modules";

/**
 * Fleet-relative paths of the script files in `dir` (fleet-relative), and with `deep` in its
 * subfolders at any depth, that `where` keeps. Folder by folder rather than Node's recursive
 * listing, whose entries say which folder they are in only from Node 20.12.
 */
const scriptsIn = async (root: string, dir: string, deep: boolean, where: (file: string) => boolean): Promise<string[]> => {
  const found = await readdir(join(root, ...dir.split("/")), { withFileTypes: true }).catch(() => []);
  const kept = await Promise.all(
    found
      .filter((entry) => !isSkipped(entry.name))
      .map(async (entry): Promise<string[]> => {
        const file = `${dir}/${entry.name}`;
        if (entry.isDirectory()) return deep ? scriptsIn(root, file, deep, where) : [];
        return entry.isFile() && isScript(entry.name) && where(file) ? [file] : [];
      }),
  );
  return kept.flat();
};

/**
 * Whether typeflake loads `file` as a definition by the fleet layout: `modules/<name>.ts`,
 * `overlays/<name>.ts`, `homes/<user>.ts` and `homes/<user>/home.ts` (`hosts/<name>/host.ts` is
 * found by folder instead).
 */
const isDefinitionFile = (file: string): boolean => {
  const [dir, name, ...below] = file.split("/");
  if (dir === HOMES_DIR && below.length === 1 && below[0] === HOME_FILE) return true;
  return (dir === MODULES_DIR || dir === OVERLAYS_DIR || dir === HOMES_DIR) && below.length === 0 && name !== undefined && name.endsWith(".ts") && !name.endsWith(".d.ts");
};

/**
 * The candidates under the absolute `root`: script files right in `hosts/` (the host folders'
 * other files are helpers), and in `modules/`, `overlays/` and `homes/` at any depth, other than
 * their definition files; each kept when it calls a `define*` function, sorted by path (the run cache
 * fingerprints them with the discovery). An unreadable one is skipped: it is no definition
 * typeflake could load either.
 */
export const findMisplacedDefinitions = async (root: string): Promise<MisplacedDefinition[]> => {
  const candidates = (
    await Promise.all([
      scriptsIn(root, HOSTS_DIR, false, () => true),
      scriptsIn(root, MODULES_DIR, true, (file) => !isDefinitionFile(file)),
      scriptsIn(root, OVERLAYS_DIR, true, (file) => !isDefinitionFile(file)),
      scriptsIn(root, HOMES_DIR, true, (file) => !isDefinitionFile(file)),
    ])
  ).flat();
  return candidates.sort().flatMap((file): MisplacedDefinition[] => {
    const text = readRegularFile(join(root, ...file.split("/")))?.bytes.toString("utf8");
    const defines = text === undefined ? undefined : CALLS.find(([, call]) => call.test(text))?.[0];
    return defines ? [{ file, defines }] : [];
  });
};

/** The folder each kind of definition file sits in. */
const FOLDER_OF: Readonly<Record<Exclude<MisplacedKind, "host">, string>> = { module: MODULES_DIR, overlay: OVERLAYS_DIR, home: HOMES_DIR };

/**
 * Where typeflake would load `file` as a definition of its kind, named after it (`hosts/web.ts`
 * → `hosts/web/host.ts`); a home in a user's folder after the folder (`homes/alice/x.ts` → `homes/alice/home.ts`).
 */
const loadedPath = (file: string, defines: MisplacedKind): string => {
  const parts = file.split("/");
  const name = (parts.at(-1) as string).replace(/\.[^.]+$/, "");
  if (defines === "host") return `${HOSTS_DIR}/${name}/${HOST_FILE}`;
  if (defines === "home" && parts[0] === HOMES_DIR && parts.length > 2) return `${HOMES_DIR}/${parts[1]}/${HOME_FILE}`;
  return `${FOLDER_OF[defines]}/${name}.ts`;
};

/**
 * A warning for each of `misplaced` that the fleet's load did not compile: `compiled` holds the
 * fleet-relative path of every file it did (definition files and all they import).
 */
export const unloadedDefinitions = (misplaced: readonly MisplacedDefinition[], compiled: ReadonlySet<string>): Diagnostic[] =>
  misplaced
    .filter(({ file }) => !compiled.has(file))
    .map(({ file, defines }) => warning("misplaced-definition", { file, objectPath: [] }, { defines, suggested: loadedPath(file, defines) }));
