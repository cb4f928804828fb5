/**
 * What one run of the pipeline read from the disk, besides what the run cache fingerprints before
 * it starts: the run's own record of its inputs, so that a cached result is keyed on exactly what
 * produced it.
 */
import type { PathFacts } from "../load/existing-paths.ts";
import type { ReadFiles } from "./file-hashes.ts";

/** The paths the fleet names (hardware.nix, imports, secret files) and what the disk said of them. */
export interface CheckedPaths {
  /** Fleet-relative, `/`-separated, as handed to `pathFacts`. */
  readonly checked: readonly string[];
  readonly facts: PathFacts;
}

/** Everything a successful run read that the next run must find unchanged to reuse its result. */
export interface RunReads {
  /** Every file the fleet's load read: fleet files, local helpers, JSON, imported packages. */
  readonly files: ReadFiles;
  readonly paths: CheckedPaths;
}
