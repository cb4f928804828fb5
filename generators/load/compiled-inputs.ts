/**
 * The hashes of the files esbuild read natively (no JS round trip per file), taken after the
 * bundle is built — and the proof that each is what esbuild compiled. A file saved during the
 * build would otherwise be recorded with its new bytes beside a bundle made from the old ones.
 * The proof rests on modification times: a file last modified well before the build started
 * cannot have changed since; one modified recently (just edited, the usual case for the one file
 * a user changed) was hashed before the build too, and must hash the same after it. A recent file
 * with no earlier hash (a helper first seen in this build) is not proven: the loader bundles again
 * with such files read by its plugin, which hashes them as read.
 */
import { dirname } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import { ABSENT, hashFiles } from "../cache/file-hashes.ts";
import { readRegularFile } from "../read-regular-file.ts";
import { CLOCK_SLACK_MS } from "../hash-memo.ts";
import { statOf } from "../stat-of.ts";

/** What was known of the fleet's files before the build started. */
export interface BeforeBuild {
  /** When the build started (ms since the epoch), less the clock slack. */
  readonly trustedBefore: number;
  /** Absolute path → hash, for the files modified recently enough to need one. */
  readonly recent: ReadonlyMap<string, string>;
}

/** Taken just before the build: which of `paths` (absolute) changed lately, and their hashes. */
export const beforeBuild = (paths: readonly string[]): BeforeBuild => {
  const trustedBefore = Date.now() - CLOCK_SLACK_MS;
  const recent = new Map<string, string>();
  const changedLately: string[] = [];
  for (const path of paths) {
    const stats = statOf(path);
    // Most configuration files looked for are absent: known as such without a second look.
    if (stats === undefined) recent.set(path, ABSENT);
    else if (stats.mtimeMs >= trustedBefore) changedLately.push(path);
  }
  for (const [path, hash] of hashFiles(changedLately)) recent.set(path, hash);
  return { trustedBefore, recent };
};

/**
 * Whether a file absent now was absent all along since `trustedBefore`: creating or deleting a
 * file changes its folder's modification time, and creating a folder its parent's, so the nearest
 * folder that exists must be older. This proves the absence of the configuration files looked for
 * around a helper in a folder new to the run (see `build-configuration.ts`).
 */
const absenceSettled = (path: string, trustedBefore: number): boolean => {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const stats = statOf(folder);
    if (stats !== undefined) return stats.mtimeMs < trustedBefore;
    if (dirname(folder) === folder) return false;
  }
};

/** The hashes of the files a build compiled, and their bytes (for what must be looked for in them). */
export interface CompiledInputs {
  /** Absolute path → SHA-256 (those of `unproven` included, as read now). */
  readonly hashes: Map<string, string>;
  /** The files that may have changed while the build read them: their hashes prove nothing. */
  readonly unproven: readonly string[];
  /** Absolute path → bytes as read now. */
  readonly bytes: ReadonlyMap<string, Buffer>;
}

/**
 * Hash `paths` (absolute: the inputs the build's metafile lists) after the build that `before`
 * was taken for. Read one after another, synchronously: for a thousand small files a quarter of
 * the CPU time of promises (see `cache/file-hashes.ts`). `asRead`: the files the build was handed
 * by the loader's plugin, hashed as read, which need no proof.
 */
export const compiledInputs = (paths: readonly string[], before: BeforeBuild, asRead: ReadonlyMap<string, string> = new Map()): CompiledInputs => {
  const hashes = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  const unproven: string[] = [];
  for (const path of paths) {
    const read = readRegularFile(path);
    const hash = read === undefined ? ABSENT : contentHash(read.bytes);
    if (read !== undefined) bytes.set(path, read.bytes);
    const handed = asRead.get(path);
    hashes.set(path, handed ?? hash);
    const settled = () => (read === undefined ? absenceSettled(path, before.trustedBefore) : read.stats.mtimeMs < before.trustedBefore);
    if (handed === undefined && before.recent.get(path) !== hash && !settled()) unproven.push(path);
  }
  return { hashes, unproven, bytes };
};
