/**
 * The reference homelab's `npm run generate`, wall time including npm, Node and TypeScript
 * loading; the repository's CLI compiled (dist/) beside the same CLI run from its sources through
 * tsx; the installed package's bin (see `installed-package.ts`), as users run it; and
 * `typeflake schema`. It runs on a copy of the homelab's sources under the scratch folder, so the
 * bench never rewrites the repository's own generated files.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hasGeneratedHeader } from "../generators/emit/header.ts";
import { measure, measuredNode } from "./measure/child.ts";
import { measureWatch } from "./measure/watch.ts";
import { initFleetRepository } from "./synthetic/write-fleet.ts";
import { CLI, CLI_SOURCES, REPOSITORY, SCRATCH } from "./paths.ts";
import { failureOf, repeat, statsIfRun, statsOf, type RunStats } from "./runs.ts";

/** What the homelab's generate took, and typeflake's start-up on its own. */
export interface HomelabResult {
  /** The same up-to-date generate through the installed package's bin. */
  readonly installed?: RunStats;
  /** `--version` through the installed package's bin. */
  readonly installedStartup?: RunStats;
  /** `typeflake schema` through the installed package's bin (all kinds). */
  readonly installedSchema?: RunStats;
  /** `node bin/typeflake.mjs --version`: loading the CLI, before any fleet work. */
  readonly startup?: RunStats;
  /** `npm run generate` on empty output. */
  readonly cold?: RunStats;
  /** `npm run generate` with every file already current. */
  readonly current?: RunStats;
  /** The same up-to-date run without npm: `node bin/typeflake.mjs generate` (compiled dist/). */
  readonly direct?: RunStats;
  /** `node bin/typeflake.mjs generate --no-cache`: the whole pipeline, with nothing taken from the last run. */
  readonly uncached?: RunStats;
  /**
   * `node bin/typeflake.mjs generate` after one host's file changed (see {@link editOneHost}): a
   * user's edit loop, where the record misses but the Nix and the positions of warnings that did
   * not change are taken from it.
   */
  readonly edited?: RunStats;
  /** The same edit under one `generate --watch`, wall time only (see `measure/watch.ts`). */
  readonly watched?: RunStats;
  /** The same run from typeflake's TypeScript sources through tsx, as the CLI ran before it was compiled. */
  readonly directFromSources?: RunStats;
  /** `--version` from the sources through tsx. */
  readonly startupFromSources?: RunStats;
  readonly failure?: string;
}

/** The homelab's TypeScript and hand-kept files (everything but what typeflake generated). */
const HOMELAB_SOURCES = ["typeflake.config.ts", "hosts", "modules", "overlays", "secrets"];

/** A fresh copy of the homelab's sources at `root` (anything there before is removed). */
export const copyHomelab = async (root: string): Promise<void> => {
  await rm(root, { recursive: true, force: true });
  for (const source of HOMELAB_SOURCES) {
    await cp(join(REPOSITORY, source), join(root, source), {
      recursive: true,
      filter: async (path) => !path.endsWith(".nix") || !hasGeneratedHeader(await readFile(path, "utf8").catch(() => "")),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
};

/**
 * Change one host of the homelab copy at `root`: the compute node's user description, different
 * at every call, so that each run finds exactly that host's Nix changed.
 */
export const editOneHost = async (root: string, edit: number): Promise<void> => {
  const file = join(root, "hosts", "compute", "host.ts");
  const text = await readFile(file, "utf8");
  const edited = text.replace(/description: "Alice[^"]*"/, `description: "Alice (edit ${edit})"`);
  if (edited === text) throw new Error(`${file} has no description "Alice…" to edit`);
  await writeFile(file, edited);
};

/** `node <bin> <args>`, measured: the repository's `bin/typeflake.mjs` (compiled dist/) unless told another. */
const typeflake = (args: readonly string[], bin = CLI) => {
  const [command, nodeArgs] = measuredNode([bin, ...args]);
  return measure(command, nodeArgs, REPOSITORY);
};

/** `node --import tsx generators/cli/main.ts <args>`: typeflake's sources transpiled at every run. */
const typeflakeFromSources = (...args: string[]) => {
  const [command, nodeArgs] = measuredNode(["--import", "tsx", CLI_SOURCES, ...args]);
  return measure(command, nodeArgs, REPOSITORY);
};

/**
 * Measure the homelab's `npm run generate` on empty output, `runs` times. Unless `coldOnly`, also
 * with everything up to date, the same without npm, and the CLI's start-up (`--version`); with
 * the installed package's `installedBin`, its generate, start-up and `schema`.
 */
export const benchHomelab = async (runs: number, coldOnly: boolean, installedBin?: string): Promise<HomelabResult> => {
  const root = join(SCRATCH, "homelab");
  const npmGenerate = () => measure("npm", ["run", "generate", "--", "-C", root], REPOSITORY);
  const cold = await repeat(runs, async () => {
    await copyHomelab(root);
    initFleetRepository(root);
    return npmGenerate();
  });
  const coldFailure = failureOf(cold, "npm run generate");
  if (coldFailure) return { failure: coldFailure };
  if (coldOnly) return { cold: statsOf(cold) };
  const current = await repeat(runs, npmGenerate);
  const direct = await repeat(runs, () => typeflake(["generate", "-C", root]));
  const uncached = await repeat(runs, () => typeflake(["generate", "--no-cache", "-C", root]));
  let edits = 0;
  const edited = await repeat(runs, async () => {
    await editOneHost(root, ++edits);
    return typeflake(["generate", "-C", root]);
  });
  const watched = await measureWatch(CLI, root, { change: () => editOneHost(root, ++edits) }, Math.max(runs, 5), REPOSITORY);
  const directFromSources = await repeat(runs, () => typeflakeFromSources("generate", "-C", root));
  const startup = await repeat(runs, () => typeflake(["--version"]));
  const startupFromSources = await repeat(runs, () => typeflakeFromSources("--version"));
  const installed = installedBin ? await repeat(runs, () => typeflake(["generate", "-C", root], installedBin)) : [];
  const installedStartup = installedBin ? await repeat(runs, () => typeflake(["--version"], installedBin)) : [];
  const installedSchema = installedBin ? await repeat(runs, () => typeflake(["schema"], installedBin)) : [];
  const failure = failureOf(
    [...current, ...direct, ...uncached, ...edited, ...watched, ...directFromSources, ...startup, ...startupFromSources, ...installed, ...installedStartup, ...installedSchema],
    "npm run generate (up to date) / generate / generate --watch / --version / schema",
  );
  return {
    cold: statsOf(cold),
    current: statsOf(current),
    direct: statsOf(direct),
    uncached: statsOf(uncached),
    edited: statsOf(edited),
    watched: statsOf(watched),
    directFromSources: statsOf(directFromSources),
    startup: statsOf(startup),
    startupFromSources: statsOf(startupFromSources),
    installed: statsIfRun(installed),
    installedStartup: statsIfRun(installedStartup),
    installedSchema: statsIfRun(installedSchema),
    ...(failure ? { failure } : {}),
  };
};
