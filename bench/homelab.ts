/**
 * The reference homelab's `npm run generate`, wall time including npm, Node and TypeScript
 * loading. It runs on a copy of the homelab's sources under the scratch folder, so the bench never
 * rewrites the repository's own generated files.
 */
import { cp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { hasGeneratedHeader } from "../generators/emit/header.ts";
import { measure, measuredNode } from "./measure/child.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { failureOf, repeat, statsOf, type RunStats } from "./runs.ts";

/** What the homelab's generate took. */
export interface HomelabResult {
  /** `npm run generate` on empty output. */
  readonly cold?: RunStats;
  /** `npm run generate` with every file already current. */
  readonly current?: RunStats;
  /** The same up-to-date run without npm: `node bin/typeflake.mjs generate`. */
  readonly direct?: RunStats;
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

/** Measure the homelab's `npm run generate`, `runs` times for each case. */
export const benchHomelab = async (runs: number): Promise<HomelabResult> => {
  const root = join(SCRATCH, "homelab");
  const npmGenerate = () => measure("npm", ["run", "generate", "--", "-C", root], REPOSITORY);
  const cold = await repeat(runs, async () => {
    await copyHomelab(root);
    return npmGenerate();
  });
  const coldFailure = failureOf(cold, "npm run generate");
  if (coldFailure) return { failure: coldFailure };
  const current = await repeat(runs, npmGenerate);
  const [command, args] = measuredNode([CLI, "generate", "-C", root]);
  const direct = await repeat(runs, () => measure(command, args, REPOSITORY));
  const failure = failureOf([...current, ...direct], "generate (up to date)");
  return { cold: statsOf(cold), current: statsOf(current), direct: statsOf(direct), ...(failure ? { failure } : {}) };
};
