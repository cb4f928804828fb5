/**
 * Options every typeflake command understands.
 */
import { resolve } from "node:path";

export interface GlobalOptions {
  /** Absolute path of the fleet root (where typeflake.config.ts is). */
  readonly root: string;
}

/** From commander's parsed global options. */
export const globalOptions = (parsed: { root?: string }): GlobalOptions => ({
  root: resolve(parsed.root ?? process.cwd()),
});
