/**
 * The reference homelab's `npm run generate`, wall time including npm, Node and TypeScript
 * loading, and the CLI compiled (dist/) beside the same CLI run from its sources through tsx. It runs on a copy of the homelab's sources under the scratch folder, so the bench never
 * rewrites the repository's own generated files.
 */
import { cp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { hasGeneratedHeader } from "../generators/emit/header.ts";
import { measure, measuredNode } from "./measure/child.ts";
import { initFleetRepository } from "./synthetic/write-fleet.ts";
import { CLI, CLI_SOURCES, REPOSITORY, SCRATCH } from "./paths.ts";
import { failureOf, repeat, statsOf, type RunStats } from "./runs.ts";

/** What the homelab's generate took, and typeflake's start-up on its own. */
export interface HomelabResult {
  /** `node bin/typeflake.mjs --version`: loading the CLI, before any fleet work. */
  readonly startup?: RunStats;
  /** `npm run generate` on empty output. */
  readonly cold?: RunStats;
  /** `npm run generate` with every file already current. */
  readonly current?: RunStats;
  /** The same up-to-date run without npm: `node bin/typeflake.mjs generate` (compiled dist/). */
  readonly direct?: RunStats;
  /** The same run from typeflake's TypeScript sources through tsx, as the CLI ran before it was compiled. */
  readonly directFromSources?: RunStats;
  /** `--version` from the sources through tsx. */
  readonly startupFromSources?: RunStats;
  readonly failure?: string;
}

/** The homelab's TypeScript and hand-kept files (everything but what typeflake generated). */
const HOMELAB_SOURCES = ["typeflake.config.ts", "hosts", "modules", "overlays", "secrets"];

const copyHomelab = async (root: string): Promise<void> => {
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

/** `node bin/typeflake.mjs <args>` (compiled), measured. */
const typeflake = (...args: string[]) => {
  const [command, nodeArgs] = measuredNode([CLI, ...args]);
  return measure(command, nodeArgs, REPOSITORY);
};

/** `node --import tsx generators/cli/main.ts <args>`: typeflake's sources transpiled at every run. */
const typeflakeFromSources = (...args: string[]) => {
  const [command, nodeArgs] = measuredNode(["--import", "tsx", CLI_SOURCES, ...args]);
  return measure(command, nodeArgs, REPOSITORY);
};

/**
 * Measure the homelab's `npm run generate` on empty output, `runs` times. Unless `coldOnly`, also
 * with everything up to date, the same without npm, and the CLI's start-up (`--version`).
 */
export const benchHomelab = async (runs: number, coldOnly: boolean): Promise<HomelabResult> => {
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
  const direct = await repeat(runs, () => typeflake("generate", "-C", root));
  const directFromSources = await repeat(runs, () => typeflakeFromSources("generate", "-C", root));
  const startup = await repeat(runs, () => typeflake("--version"));
  const startupFromSources = await repeat(runs, () => typeflakeFromSources("--version"));
  const failure = failureOf(
    [...current, ...direct, ...directFromSources, ...startup, ...startupFromSources],
    "npm run generate (up to date) / generate / --version",
  );
  return {
    cold: statsOf(cold),
    current: statsOf(current),
    direct: statsOf(direct),
    directFromSources: statsOf(directFromSources),
    startup: statsOf(startup),
    startupFromSources: statsOf(startupFromSources),
    ...(failure ? { failure } : {}),
  };
};
