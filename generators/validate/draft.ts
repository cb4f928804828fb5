/**
 * The parts of a fleet that passed their schemas: what the fleet-wide checks look at. A file that
 * failed its schema is left out, but its name stays known, so one mistake does not cascade into
 * "no such host" reports elsewhere.
 */
import type { FleetConfig } from "../../dsl/fleet.ts";
import type { DiagnosticFields } from "../diagnostics/codes.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { knownNames } from "../diagnostics/suggest.ts";
import type { HostEntry, ModuleEntry, OverlayEntry } from "../model/fleet.ts";
import type { WrittenByEntry } from "../model/written-expressions.ts";

/**
 * The names of one kind of definition (hosts, modules): every file found, valid or not; when its
 * folder could not be listed (reported), any name may be one of its files, so none is missing.
 */
export interface DefinitionNames {
  /** The names of the files found. */
  readonly found: ReadonlySet<string>;
  /** The folder is there but could not be listed: what it holds is unknown. */
  readonly unlisted: boolean;
}

/** Whether a definition called `name` may exist (see {@link DefinitionNames}). */
export const mayExist = (names: DefinitionNames, name: string): boolean => names.unlisted || names.found.has(name);

/**
 * A reference at `origin` to host `host` by `by`: no problem when the host may exist, else an
 * `unknown-host` error naming the hosts there are and the closest one.
 */
export const hostReference = (draft: FleetDraft, host: string, origin: SourceOrigin, by: UnknownHostBy): Diagnostic[] =>
  mayExist(draft.hostNames, host) ? [] : [error("unknown-host", origin, { host, by, ...knownNames(host, draft.hostNames.found) })];

/** What refers to a host, as `unknown-host` names it. */
type UnknownHostBy = DiagnosticFields["unknown-host"]["by"];

/** A fleet as far as it validated, for the fleet-wide checks. */
export interface FleetDraft {
  /** `typeflake.config.ts`, relative to the fleet root. */
  readonly configFile: string;
  /** The fleet configuration; undefined when missing or invalid, which skips the checks needing it. */
  readonly config: FleetConfig | undefined;
  /** Hosts that passed their schema, sorted by name. */
  readonly hosts: readonly HostEntry[];
  /** Modules that passed their schema, sorted by name. */
  readonly modules: readonly ModuleEntry[];
  /** Overlays that passed their schema, sorted by name. */
  readonly overlays: readonly OverlayEntry[];
  /** Every host found, valid or not. */
  readonly hostNames: DefinitionNames;
  /** Every module found, valid or not. */
  readonly moduleNames: DefinitionNames;
  /** The expressions written in each host, module and overlay (the valid parts of failed files included), found once for every check. */
  readonly written: WrittenByEntry;
}

/** A fleet-wide check: every problem it finds, in a stable order. */
export type FleetCheck = (draft: FleetDraft) => readonly Diagnostic[];

/** The origin of `path` inside the fleet configuration file. */
export const inConfig = (draft: FleetDraft, ...objectPath: SourceOrigin["objectPath"]): SourceOrigin => ({
  file: draft.configFile,
  objectPath,
});
