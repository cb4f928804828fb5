/**
 * The floors of start-up figures, measured in the same run: what any command pays before
 * typeflake does anything — Node starting and exiting (`node -e 0`), and `npm run` of a script
 * that does just that, for `npm run generate`. When this shell sets variables that every Node
 * process pays for at start (see `environment.ts`), `node -e 0` is also measured with them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure, measuredNode } from "./child.ts";
import { startupCostVariables } from "./environment.ts";
import { REPOSITORY } from "../paths.ts";
import { repeat, statsOf, type RunStats } from "../runs.ts";

/** Node's and npm's own start-up. */
export interface Floors {
  /** `node -e 0`. */
  readonly node: RunStats;
  /** `npm run noop`, whose script is `node -e 0`. */
  readonly npmRun: RunStats;
  /** `node -e 0` with this shell's start-up cost variables, and their names: only when it sets any. */
  readonly withStartupCosts?: { readonly variables: readonly string[]; readonly node: RunStats };
}

/** Measure both floors, `runs` times each. */
export const measureFloors = async (runs: number): Promise<Floors> => {
  const [command, args] = measuredNode(["-e", "0"]);
  const node = await repeat(runs, () => measure(command, args, REPOSITORY));
  const costs = startupCostVariables();
  const withCosts = Object.keys(costs).length ? await repeat(runs, () => measure(command, args, REPOSITORY, costs)) : undefined;
  const folder = mkdtempSync(join(tmpdir(), "typeflake-bench-npm-"));
  try {
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "noop", private: true, scripts: { noop: "node -e 0" } }));
    const npmRun = await repeat(runs, () => measure("npm", ["run", "noop"], folder));
    return {
      node: statsOf(node),
      npmRun: statsOf(npmRun),
      ...(withCosts && { withStartupCosts: { variables: Object.keys(costs), node: statsOf(withCosts) } }),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
