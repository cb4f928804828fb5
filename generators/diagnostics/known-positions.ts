/**
 * Positions an earlier run located, reused where a file's bytes are unchanged: after an edit to
 * one file, the warnings of the others are shown at the same file:line:col without loading the
 * parser that finds them (Babel's: about 50 ms of a homelab run). A position depends only on the
 * file's bytes, the object path and the locator's code; the run cache hands positions over only
 * from a record of the same code, and this module only for files whose hash this run matches.
 */
import { join } from "node:path";
import type { ReadFiles } from "../cache/file-hashes.ts";
import type { Diagnostic, SourceLocation } from "./diagnostic.ts";
import type { SourceOrigin } from "./origin.ts";

/** A line and column in a file, both from 1. */
export type Position = Pick<SourceLocation, "line" | "column">;

/** The position of an origin when it is already known, else undefined. */
export type KnownPositions = (origin: SourceOrigin) => Position | undefined;

/** What an earlier run located, and in which bytes. */
export interface LocatedBefore {
  /** That run's diagnostics, located. */
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute path → SHA-256 of each file that run read (its fingerprint's files). */
  readonly files: Readonly<Record<string, string>>;
}

const keyOf = (origin: SourceOrigin): string => `${origin.file}\0${JSON.stringify(origin.objectPath)}`;

/**
 * The positions of `before` in the files under `root` (absolute) whose hash in `now` (this run's
 * reads) is the one they were located in.
 */
export const knownPositions = (before: LocatedBefore, root: string, now: ReadFiles): KnownPositions => {
  const unchanged = (file: string): boolean => {
    const path = join(root, file);
    return now.get(path) !== undefined && now.get(path) === before.files[path];
  };
  const positions = new Map<string, Position>();
  for (const diagnostic of before.diagnostics) {
    for (const origin of [{ ...diagnostic.origin, location: diagnostic.location }, ...(diagnostic.related ?? [])]) {
      if (origin.location && unchanged(origin.file)) positions.set(keyOf(origin), { line: origin.location.line, column: origin.location.column });
    }
  }
  return (origin) => positions.get(keyOf(origin));
};
