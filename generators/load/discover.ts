/**
 * Find a fleet's definition files: `typeflake.config.ts`, `hosts/<name>/host.ts`,
 * `modules/<name>.ts`, `overlays/<name>.ts`. A host folder without host.ts, a link in `hosts/`
 * that leads to no folder, and a missing configuration file are reported here; nothing is
 * imported yet.
 */
import { lstatSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { DefinitionKind } from "../../dsl/definition.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PathProblem } from "../diagnostics/codes/load.ts";
import { statOf } from "../stat-of.ts";
import type { MisplacedDefinition } from "./misplaced-definitions.ts";
import { pathProblem } from "./path-problem.ts";
import { CONFIG_FILE, HOST_FILE, HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR } from "./layout.ts";

/** One definition file to import. */
export interface FleetFile {
  /** The `define*` function its default export must come from. */
  readonly kind: DefinitionKind;
  /** Host, module or overlay name; `typeflake` for the configuration file. */
  readonly name: string;
  /** Relative to the fleet root, with `/` separators. */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
}

/** What discovery found, and what is missing. */
export interface Discovery {
  readonly files: readonly FleetFile[];
  /** Host folders that have no host.ts, or are links leading nowhere: their names still count as hosts for references. */
  readonly hostsWithoutFile: readonly string[];
  /** Files found that are not loaded, each for a reported reason (unreadable, a case twin): their names still count. */
  readonly setAside: readonly FleetFile[];
  /** Definition folders there but not listable (reported): what they hold is unknown, so no name is missing from them. */
  readonly unlisted: readonly string[];
  /** Files that call a `define*` function where typeflake does not load definitions from (reported unless a fleet file imports them). */
  readonly misplaced: readonly MisplacedDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}


const isDirectoryAt = (path: string): boolean => statOf(path)?.isDirectory() ?? false;

/**
 * Whether anything at all is at `path`, a dangling link or an unreadable entry included: such a
 * host.ts is reported for what it is (`path-problem.ts`), not as missing. Synchronous on purpose:
 * asked once per host folder, and a thousand promised stats cost several times the CPU of the
 * stats (one thread-pool round trip each).
 */
export const isEntry = (path: string): boolean => {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (cause) {
    // A path under a file (`homes/types.d.ts/home.ts`) holds nothing; any other failure (its
    // folder cannot be searched) leaves something perhaps there, reported for what it is.
    return (cause as NodeJS.ErrnoException).code !== "ENOTDIR";
  }
};

/** Entries of `dir` sorted by name (readdir's order varies by file system), none when it does not exist. Hidden entries are skipped. */
export const entries = async (dir: string) =>
  (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** `modules/*.ts` or `overlays/*.ts` (declaration files excluded). */
const definitionFiles = async (root: string, dir: string, kind: DefinitionKind): Promise<FleetFile[]> =>
  (await entries(join(root, dir)))
    .filter((entry) => entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => ({
      kind,
      name: entry.name.slice(0, -".ts".length),
      file: `${dir}/${entry.name}`,
      path: join(root, dir, entry.name),
    }));

/** A host folder: `present` says whether host.ts exists; `problem`, why a link standing for the folder leads to none. */
interface HostFolder {
  readonly name: string;
  readonly present: boolean;
  readonly problem?: PathProblem;
}

/**
 * Host folders. A link in `hosts/` that leads nowhere (dangling, a loop, no permission) is one
 * too, with its problem: it stands where a host folder was (a moved target), and skipped like a
 * stray file it would drop that host from the flake without a word.
 */
const hostFolders = async (root: string): Promise<HostFolder[]> =>
  (await entries(join(root, HOSTS_DIR))).flatMap((entry): HostFolder[] => {
    const path = join(root, HOSTS_DIR, entry.name);
    // Follow symlinked folders too: stat, not the dirent, says what they point at.
    if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryAt(path))) return [{ name: entry.name, present: isEntry(join(path, HOST_FILE)) }];
    const problem = entry.isSymbolicLink() && statOf(path) === undefined ? pathProblem(path, "folder") : undefined;
    return problem ? [{ name: entry.name, present: false, problem }] : [];
  });

/** Every definition file under `root` (absolute), with problems found on the way. */
export const discoverFleet = async (root: string): Promise<Omit<Discovery, "setAside" | "unlisted" | "misplaced">> => {
  // Anything of that name: one that is no readable file is reported for what it is.
  const hasConfig = isEntry(join(root, CONFIG_FILE));
  const [hosts, modules, overlays] = await Promise.all([
    hostFolders(root),
    definitionFiles(root, MODULES_DIR, "module"),
    definitionFiles(root, OVERLAYS_DIR, "overlay"),
  ]);
  const diagnostics: Diagnostic[] = [];
  if (!hasConfig) {
    diagnostics.push(
      error("missing-config", { file: CONFIG_FILE, objectPath: [] }, { root }),
    );
  }
  for (const host of hosts.filter((folder) => !folder.present)) {
    const file = `${HOSTS_DIR}/${host.name}/`;
    diagnostics.push(
      host.problem
        ? error("unreadable-path", { file, objectPath: [] }, { expected: "folder", problem: host.problem })
        : error("missing-host-file", { file, objectPath: [] }, { host: host.name }),
    );
  }
  const hostFiles = hosts
    .filter((folder) => folder.present)
    .map(({ name }): FleetFile => ({
      kind: "host",
      name,
      file: `${HOSTS_DIR}/${name}/${HOST_FILE}`,
      path: join(root, HOSTS_DIR, name, HOST_FILE),
    }));
  const config: FleetFile[] = hasConfig
    ? [{ kind: "fleet", name: "typeflake", file: CONFIG_FILE, path: join(root, CONFIG_FILE) }]
    : [];
  return {
    files: [...config, ...hostFiles, ...modules, ...overlays],
    hostsWithoutFile: hosts.filter((folder) => !folder.present).map((folder) => folder.name),
    diagnostics,
  };
};
