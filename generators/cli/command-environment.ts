/**
 * What the CLI's host gives every command: the process's own surroundings under `typeflake`, a
 * test's collectors and fakes in-process.
 */
import type { CommandIo } from "../command/command-context.ts";
import type { ExitCode } from "../command/exit-code.ts";
import type { FleetTargets } from "../nix-cli/target.ts";

/** The surroundings commands run in. */
export interface CommandEnvironment {
  readonly io: CommandIo;
  /** `-C <dir>` as given, read when a command runs (commander has parsed it by then). */
  readonly rootOption: () => string | undefined;
  /** Record the process's exit code. */
  readonly setExitCode: (code: ExitCode) => void;
  /**
   * Deploy targets to use instead of the fleet's own: tests of the nix commands give plain data
   * and no fleet. Absent, the targets come from the fleet loaded at the fleet root.
   */
  readonly deployTargets?: () => Promise<FleetTargets>;
}

/** The process's own streams, environment, directory and exit code, and `-C` from `rootOption`. */
export const processEnvironment = (rootOption: () => string | undefined): CommandEnvironment => ({
  io: { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  rootOption,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});
