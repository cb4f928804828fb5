/**
 * What one run of the pipeline read from the disk, besides what the run cache fingerprints before
 * it starts: the run's own record of its inputs, so that a cached result is keyed on exactly what
 * produced it.
 */
import type { PathFacts } from "../load/existing-paths.ts";
import type { ReadFiles } from "./file-hashes.ts";
import type { Observations } from "./observations.ts";

/** The paths the fleet names (hardware.nix, imports, secret files) and what the disk said of them. */
export interface CheckedPaths {
  /** Fleet-relative, `/`-separated, as handed to `pathFacts`. */
  readonly checked: readonly string[];
  readonly facts: PathFacts;
}

/** What loading the fleet read, and printed. */
export interface LoadReads {
  /** Every file the fleet's load imported: fleet files, local helpers, JSON, packages. */
  readonly files: ReadFiles;
  /** What fleet code read of the machine itself meanwhile: files, folders, environment variables. */
  readonly observed: Observations;
  /** What fleet code printed while it loaded: a run that reuses the record shows it again. */
  readonly printed: string;
}

/** Everything a successful run read that the next run must find unchanged to reuse its result. */
export interface RunReads extends LoadReads {
  readonly paths: CheckedPaths;
}
