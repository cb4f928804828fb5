/**
 * `typeflake generate --check` and `typeflake diff`: what `generate` would change, as data with
 * diffs, without writing anything.
 *
 * The rule: the tree is clean exactly when `generate` would not touch the disk. That includes the
 * manifest: it decides which files a later run may delete, so a missing or outdated manifest is
 * drift even when every Nix file is current (a clone whose manifest was never committed would
 * otherwise leave old generated files behind forever). It is reported as one line, not a diff:
 * its hashes tell a reader nothing.
 */
import type { HashMemo } from "../hash-memo.ts";
import type { KeptFile } from "./actions.ts";
import { decide } from "./decide.ts";
import { gitPatch } from "./patch.ts";
import type { FilePlan } from "./plan.ts";
import { findTemporaryFiles } from "./leftovers.ts";
import { folderListings } from "./listings.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** A generated file that differs from what is on disk. */
export interface DriftedFile {
  readonly path: string;
  /** The TypeScript source the file comes (or came) from. */
  readonly source: string;
  /** Git-style unified diff from the disk to the generated state. */
  readonly diff: string;
}

/** What `generate` would change; every list is sorted by path. */
export interface CheckResult {
  /** Planned files already current. */
  readonly unchanged: readonly string[];
  /** Planned files not on disk. */
  readonly missing: readonly DriftedFile[];
  /** Planned files on disk with other content. */
  readonly changed: readonly DriftedFile[];
  /** Files generated earlier, no longer planned, unmodified: `generate` would delete them. */
  readonly stale: readonly DriftedFile[];
  /** Files carrying typeflake's header that no manifest lists (an interrupted older run's): `generate` would delete them. */
  readonly orphaned: readonly DriftedFile[];
  /** typeflake's temporary files left by an interrupted run: `generate` (or any command's recovery) removes them. */
  readonly temporary: readonly string[];
  /** Files generated earlier, no longer planned, edited since: `generate` would keep and stop tracking them. */
  readonly keptModified: readonly KeptFile[];
  /** Whether `generate` would rewrite the manifest. */
  readonly manifestOutdated: boolean;
  /** Why `generate` would refuse to write (a hand-written file in the way, a malformed plan, …). */
  readonly refused: readonly EmitProblem[];
  /** A file system failure while reading. */
  readonly failed: readonly EmitProblem[];
}

/**
 * Compare `plan` with the disk under `root`; with `memo`, planned files whose stat shows they hold
 * the planned bytes are not read. Never writes; never throws for I/O errors.
 */
export async function checkPlan(root: string, plan: FilePlan, memo?: HashMemo): Promise<CheckResult> {
  // The search for temporary files walks the same folders the decision listed.
  const listings = folderListings(root);
  const decision = await decide(root, plan, { force: false }, listings, memo);
  const nothing = { unchanged: [], missing: [], changed: [], stale: [], orphaned: [], temporary: [], keptModified: [], manifestOutdated: false };
  if (!decision.ok) return { ...nothing, refused: decision.refused, failed: decision.failed };
  let temporary: string[];
  try {
    temporary = findTemporaryFiles(listings);
  } catch (cause) {
    return { ...nothing, refused: [], failed: [problems.io(".", "searched for temporary files", cause)] };
  }
  const { actions } = decision;
  const drifted = (path: string, source: string, before: string | undefined, after: string | undefined): DriftedFile => ({
    path,
    source,
    diff: gitPatch(path, before, after),
  });
  return {
    unchanged: actions.unchanged,
    missing: actions.writes.filter((w) => w.previous === undefined).map((w) => drifted(w.path, w.source, undefined, w.text)),
    changed: actions.writes.filter((w) => w.previous !== undefined).map((w) => drifted(w.path, w.source, w.previous, w.text)),
    stale: actions.removals.filter((r) => r.reason === "stale").map((r) => drifted(r.path, r.source, r.text, undefined)),
    orphaned: actions.removals.filter((r) => r.reason === "orphaned").map((r) => drifted(r.path, r.source, r.text, undefined)),
    temporary,
    keptModified: actions.keptModified,
    manifestOutdated: actions.manifest.changed,
    refused: actions.refused,
    failed: [],
  };
}

/** Whether `generate` would change anything, or refuse to. */
export function hasDrift(result: CheckResult): boolean {
  return (
    result.missing.length +
      result.changed.length +
      result.stale.length +
      result.orphaned.length +
      result.temporary.length +
      result.keptModified.length +
      result.refused.length >
      0 ||
    result.manifestOutdated
  );
}
