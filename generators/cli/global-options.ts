/**
 * Options every typeflake command that acts on a fleet understands.
 */
import { findFleetRoot } from "./find-fleet-root.ts";

export interface GlobalOptions {
  /** Absolute path of the fleet root (where typeflake.config.ts is). */
  readonly root: string;
}

/**
 * From commander's parsed global options and the working directory: `-C <dir>`, else the nearest
 * fleet around `cwd`. Throws `FleetRootNotFound` when there is no fleet.
 */
export const globalOptions = (parsed: { root?: string }, cwd: string = process.cwd()): GlobalOptions => ({
  root: findFleetRoot(cwd, parsed.root),
});
