/**
 * What the nix commands get from the CLI that hosts them. The lead's `main.ts` supplies the fleet
 * loader; tests also replace the streams, environment and exit code sink, so a command runs
 * in-process and its output can be read back.
 */
import type { Writable } from "node:stream";
import type { FleetTargets } from "./target.ts";

/** The process's surroundings, as the nix commands use them. */
export interface CliIo {
  /** Where the tools' own stdout goes (eval's JSON); typeflake writes nothing else there. */
  readonly stdout: Writable;
  /** Where typeflake writes the command lines, progress, summaries and errors, and the tools' stderr. */
  readonly stderr: Writable;
  /** Environment the tools run with; its PATH is where they are looked up. `CI` turns the live status off. */
  readonly env: NodeJS.ProcessEnv;
  /** The user's working directory: printed command lines start with `cd <flake dir> &&` when it differs. */
  readonly cwd: string;
  /** Record the process's exit code (0 ok, 1 a host failed or invalid input, 2 the tool failed, 130 interrupted). */
  setExitCode(code: number): void;
}

/** What a nix command needs from the CLI. */
export interface CliContext {
  /** Load and validate the fleet, adapted to what the commands need. */
  loadTargets(): Promise<FleetTargets>;
  /** Replacements for the process's own streams, environment, directory and exit code. */
  readonly io?: Partial<CliIo>;
}

/** The given io, with the process's own for anything not replaced. */
export const resolveIo = (io: Partial<CliIo> = {}): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  ...io,
});
