/**
 * A run's fingerprint: everything its result depends on, so that an equal fingerprint means an
 * equal result. Part of it is taken before the run (typeflake's code, the fleet's file listing,
 * its option index), part is what the run itself read (the files its load read, as hashed while
 * reading, and the paths it looked up). Taken before or while reading, never after: a file edited
 * during a run makes the next run miss, never reuse a result made from the older text.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import type { Discovery } from "../load/discover.ts";
import { pathFacts, type PathFacts } from "../load/existing-paths.ts";
import type { HashMemo } from "../hash-memo.ts";
import { FLEET_INDEX_PATH } from "../options/fleet-schema.ts";
import { codeIdentity } from "./code-identity.ts";
import { ABSENT, hashFiles } from "./file-hashes.ts";
import type { RunReads } from "./run-reads.ts";
import { stillObserved, type Observations } from "./observations.ts";

/** What is fingerprinted before the run starts. */
export interface OuterInputs {
  /** typeflake's code, its dependencies and Node (see `code-identity.ts`). */
  readonly code: string;
  /** The fleet's definition files as discovered: a host folder added, removed or renamed changes it. */
  readonly listing: string;
  /** The fleet's own option index (`.typeflake/options/index.json`), {@link ABSENT} when it uses the shipped one. */
  readonly optionIndex: string;
}

/** Everything a run's result depends on. */
export interface RunFingerprint extends OuterInputs {
  /** Absolute path → SHA-256 of every file the load read. */
  readonly files: Readonly<Record<string, string>>;
  /** The paths the fleet names, and what the disk said of them (as {@link describeFacts} writes it). */
  readonly paths: { readonly checked: readonly string[]; readonly facts: string };
  /** What fleet code read of the machine itself while it loaded (see `observations.ts`). */
  readonly observed: Observations;
}

/**
 * Fingerprint what the run will read before it reads it; `discovery` is the fleet's definition
 * files as found for this run (the load then imports exactly those); `code`, the running
 * typeflake's identity when the caller took it already.
 */
export const outerInputs = async (root: string, discovery: Discovery, code?: string): Promise<OuterInputs> => {
  const [identity, optionIndex] = await Promise.all([code ?? codeIdentity(), readFile(join(root, ...FLEET_INDEX_PATH.split("/"))).then(contentHash, () => ABSENT)]);
  return { code: identity, listing: contentHash(JSON.stringify(discovery)), optionIndex };
};

/** Path facts as comparable text, independent of the order the paths were looked up in. */
export const describeFacts = (facts: PathFacts): string =>
  JSON.stringify({
    existing: [...facts.existing].sort(),
    escaping: [...facts.escaping].sort(),
    special: [...facts.special].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    bareFolders: [...facts.bareFolders].sort(),
    siblings: [...facts.siblings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  });

/** The fingerprint of a run that started with `outer` and read `read`. */
export const runFingerprint = (outer: OuterInputs, read: RunReads): RunFingerprint => ({
  ...outer,
  files: Object.fromEntries(read.files),
  paths: { checked: read.paths.checked, facts: describeFacts(read.paths.facts) },
  observed: read.observed,
});

/**
 * Whether the disk under `root` (whose outer inputs are `outer`, taken now) still gives
 * `recorded`; files whose stat `memo` remembers are not read.
 */
export const stillCurrent = async (root: string, recorded: RunFingerprint, outer: OuterInputs, memo: HashMemo): Promise<boolean> => {
  if (recorded.code !== outer.code || recorded.listing !== outer.listing || recorded.optionIndex !== outer.optionIndex) return false;
  const changed = [...hashFiles(Object.keys(recorded.files), memo)].some(([path, hash]) => recorded.files[path] !== hash);
  return !changed && stillObserved(recorded.observed, memo) && describeFacts(await pathFacts(root, recorded.paths.checked)) === recorded.paths.facts;
};
