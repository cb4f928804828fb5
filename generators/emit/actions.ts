/**
 * The decision, separate from reading and acting: given the plan and what is on disk, what would
 * a run create, update, leave alone, delete, keep, or refuse? `writePlan` carries it out,
 * `checkPlan` reports it, so `--check` passes exactly when `generate` would change nothing.
 */
import { type DiskEntry, type DiskState, textOf } from "./disk.ts";
import { hasGeneratedHeader } from "./header.ts";
import { contentHash, type Manifest, MANIFEST_PATH, manifestOf, parseManifest, type Released, serializeManifest } from "./manifest.ts";
import { gitPatch } from "./patch.ts";
import { comparePaths } from "./paths.ts";
import type { FilePlan } from "./plan.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** A planned file whose content will be written. */
export interface FileWrite {
  readonly path: string;
  readonly text: string;
  readonly source: string;
  /** The content it replaces; `undefined` when the file is created. */
  readonly previous: string | undefined;
  /** The replaced file's hash and permission bits (kept on the new file); absent when created. */
  readonly before?: { readonly sha256: string; readonly mode: number };
}

/** A generated file no longer planned, unmodified (stale) or never recorded (orphaned): it will be deleted. */
export interface FileRemoval {
  readonly path: string;
  /** The source it was generated from, per the manifest or (orphaned) per its header. */
  readonly source: string;
  /** Its current content, for the deletion diff. */
  readonly text: string;
  /** Hash of its current bytes, so a rollback can tell it was restored. */
  readonly sha256: string;
  /** `stale`: in the manifest and no longer planned; `orphaned`: carries the header, in no manifest. */
  readonly reason: "stale" | "orphaned";
}

/** A file generated earlier and no longer planned, left in place because it is not as written. */
export interface KeptFile {
  readonly path: string;
  /** The source it was generated from, per the manifest. */
  readonly source: string;
  /** Why it was kept and what the user may do about it. */
  readonly message: string;
}

/** Everything one run would do. When `refused` is not empty, a run does none of it. */
export interface Actions {
  /** Files to write, sorted by path; `previous` tells creations from updates. */
  readonly writes: readonly FileWrite[];
  /** Planned files already on disk byte for byte; they are not rewritten, so mtimes survive. */
  readonly unchanged: readonly string[];
  readonly removals: readonly FileRemoval[];
  /** Stale files left in place; they are dropped from the next manifest (typeflake lets go of them). */
  readonly keptModified: readonly KeptFile[];
  /** Why the run must not happen; non-empty means nothing is written. */
  readonly refused: readonly EmitProblem[];
  /** The manifest after the run, whether it differs from the one on disk, and that one's hash and mode. */
  readonly manifest: { readonly text: string; readonly changed: boolean; readonly before?: { readonly sha256: string; readonly mode: number } };
}

/** Options that change the decision. */
export interface DecideOptions {
  /** Replace files that lack typeflake's header (and an unreadable manifest) instead of refusing. */
  readonly force: boolean;
}

/** Every path whose disk state `planActions` needs, given the manifest already read (`previousManifest`). */
export function pathsToRead(plan: FilePlan, previous: PreviousManifest): string[] {
  return [...new Set([...plan.files.map((file) => file.path), ...previous.manifest.keys(), ...previous.released.keys()])];
}

/**
 * Decide what to do. `disk` must hold an entry for `MANIFEST_PATH` and for every path
 * `pathsToRead` named; `plan` must have passed `validatePlan`. `unrecorded` holds files found
 * beside generated ones that neither the plan nor the manifest names (see `leftovers.ts`);
 * `nextFiles` is the manifest of `plan` (`manifestOf`) and `previous` the manifest on disk
 * (`previousManifest`), when the caller has them already.
 */
export function planActions(
  plan: FilePlan,
  disk: DiskState,
  options: DecideOptions,
  unrecorded: DiskState = new Map(),
  nextFiles: Manifest = manifestOf(plan),
  previous: PreviousManifest = previousManifest(entryAt(disk, MANIFEST_PATH), options),
): Actions {
  const writes: FileWrite[] = [];
  const unchanged: string[] = [];
  const refused: EmitProblem[] = [];
  const manifestEntry = entryAt(disk, MANIFEST_PATH);
  if (previous.problem) refused.push(previous.problem);

  const planned = [...plan.files].sort((a, b) => comparePaths(a.path, b.path));
  for (const file of planned) {
    const entry = entryAt(disk, file.path);
    if (entry.kind === "absent") writes.push({ ...file, previous: undefined });
    else if (entry.kind === "planned-file") unchanged.push(file.path);
    else if (entry.kind !== "file") refused.push(blockedProblem(file.path, entry));
    else if (entry.sha256 === nextFiles.get(file.path)?.sha256) unchanged.push(file.path);
    else if (options.force || isAsWritten(previous.manifest, file.path, entry)) {
      writes.push({ ...file, previous: textOf(entry), before: { sha256: entry.sha256, mode: entry.mode } });
    } else if (hasGeneratedHeader(textOf(entry))) {
      refused.push(problems.editedFile(file.path, file.source, gitPatch(file.path, file.text, textOf(entry)), "as generated now"));
    } else refused.push(problems.handWritten(file.path, file.source));
  }

  const plannedPaths = new Set(planned.map((file) => file.path));
  const stale = settleStale(previous.manifest, plannedPaths, disk);
  const orphans = [...unrecorded]
    .filter(([path]) => !plannedPaths.has(path) && !previous.manifest.has(path) && !previous.released.has(path))
    .flatMap(([path, entry]) => (entry.kind === "file" && hasGeneratedHeader(textOf(entry)) ? [orphan(path, entry)] : []));
  const removals = [...stale.removals, ...orphans].sort((a, b) => comparePaths(a.path, b.path));
  const { keptModified } = stale;
  const next = serializeManifest(nextFiles, releasedAfter(previous.released, keptModified, plannedPaths, disk));
  const changed = manifestEntry.kind !== "file" || manifestEntry.sha256 !== contentHash(next);
  const before = manifestEntry.kind === "file" ? { sha256: manifestEntry.sha256, mode: manifestEntry.mode } : undefined;
  return { writes, unchanged, removals, keptModified, refused, manifest: { text: next, changed, ...(before && { before }) } };
}

/**
 * Whether a generated file on disk may be overwritten: it carries the header and, when the
 * manifest remembers it, is exactly as typeflake last wrote it (anything else is someone's edit).
 */
function isAsWritten(manifest: Manifest, path: string, entry: Extract<DiskEntry, { kind: "file" }>): boolean {
  if (!hasGeneratedHeader(textOf(entry))) return false;
  const recorded = manifest.get(path);
  return recorded === undefined || recorded.sha256 === entry.sha256;
}

function orphan(path: string, entry: Extract<DiskEntry, { kind: "file" }>): FileRemoval {
  const text = textOf(entry);
  const source = /Generated by typeflake from (.*)\.$/m.exec(text)?.[1] ?? "an unknown source";
  return { path, source, text, sha256: entry.sha256, reason: "orphaned" };
}

/** Files let go of, still on disk and not generated again: the ones before, and those kept this run. */
function releasedAfter(before: Released, kept: readonly KeptFile[], planned: ReadonlySet<string>, disk: DiskState): Released {
  const stillThere = [...before].filter(([path]) => !planned.has(path) && entryAt(disk, path).kind !== "absent");
  return new Map([...stillThere, ...kept.map((file): [string, string] => [file.path, file.source])]);
}

/** Split files generated earlier and no longer planned into deletable and kept. */
function settleStale(previous: Manifest, planned: ReadonlySet<string>, disk: DiskState) {
  const removals: FileRemoval[] = [];
  const keptModified: KeptFile[] = [];
  const stalePaths = [...previous.keys()].filter((path) => !planned.has(path)).sort(comparePaths);
  for (const path of stalePaths) {
    const { sha256, source } = previous.get(path)!;
    const entry = entryAt(disk, path);
    if (entry.kind === "absent" || entry.kind === "parent-not-directory") continue; // already gone
    const text = entry.kind === "file" && entry.sha256 === sha256 ? textOf(entry) : undefined;
    if (text !== undefined && hasGeneratedHeader(text)) removals.push({ path, source, text, sha256, reason: "stale" });
    else keptModified.push({ path, source, message: keptMessage(source, entry) });
  }
  return { removals, keptModified };
}

function keptMessage(source: string, entry: DiskEntry): string {
  const now = entry.kind === "file" ? "has been edited since typeflake wrote it" : "is no longer the file typeflake wrote";
  return (
    `was generated from ${source} and is no longer produced, but it ${now}, so typeflake leaves it ` +
    "in place and lets go of it (it will never delete it). Delete it if it is no longer needed."
  );
}

/** The manifest to trust for stale files, and the problem that stops the run, if any. */
export interface PreviousManifest {
  readonly manifest: Manifest;
  readonly released: Released;
  readonly problem?: EmitProblem;
}

/** The manifest on disk (its entry), parsed once for a decision. */
export function previousManifest(entry: DiskEntry, options: DecideOptions): PreviousManifest {
  const empty = { manifest: new Map(), released: new Map() };
  if (entry.kind === "absent") return empty;
  // Only planned files are left unread, and the manifest is never planned (`validatePlan`).
  if (entry.kind === "planned-file") throw new Error("internal: the manifest was not read");
  if (entry.kind !== "file") return { ...empty, problem: blockedProblem(MANIFEST_PATH, entry) };
  const parsed = parseManifest(textOf(entry));
  if (parsed.ok) return parsed;
  // Forced: start a fresh manifest; with no history, no old file is deleted this run.
  return options.force ? empty : { ...empty, problem: problems.unreadableManifest(parsed.reason) };
}

/** Why a path occupied by something other than a regular file cannot be written. */
function blockedProblem(path: string, entry: Exclude<DiskEntry, { kind: "absent" | "file" | "planned-file" }>): EmitProblem {
  switch (entry.kind) {
    case "not-a-file":
      return problems.notARegularFile(path, entry.what);
    case "parent-not-directory":
      return problems.parentNotDirectory(path, entry.parent);
    case "outside-root":
      return problems.outsideRoot(path, entry.link);
    default:
      return entry satisfies never;
  }
}

function entryAt(disk: DiskState, path: string): DiskEntry {
  const entry = disk.get(path);
  if (!entry) throw new Error(`internal: no disk entry was read for ${path}`);
  return entry;
}
