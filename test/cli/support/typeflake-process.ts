/**
 * Run the typeflake CLI from its sources as its own process, in any folder, as a user types it:
 * its working directory, environment, exit code and both streams are the real ones.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../../generators/cli/main.ts", import.meta.url));
// Resolved here: `--import tsx` alone would be looked up from the child's folder, outside this repository.
const TSX = import.meta.resolve("tsx");

/** What a run left. */
export interface TypeflakeRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Node's arguments that run `typeflake <args>` from the sources. */
export const typeflakeArgs = (args: readonly string[]): string[] => ["--import", TSX, MAIN, ...args];

/** `typeflake <args>` run in `cwd`, with `env` (default: this process's). */
export const runTypeflake = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): TypeflakeRun => {
  const result = spawnSync(process.execPath, typeflakeArgs(args), {
    cwd,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1", CI: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** The run, for an assertion's message. */
export const describeRun = (args: readonly string[], run: TypeflakeRun): string =>
  `typeflake ${args.join(" ")} exited ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
