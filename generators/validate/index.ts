/**
 * Validate a loaded fleet: every file against its schema, then the fleet-wide checks, collecting
 * every problem at once (cdk8s style: validate everything, report once).
 */
import type { z } from "zod";
import { fleetSchema } from "../../dsl/fleet.ts";
import { hostSchema } from "../../dsl/host.ts";
import { moduleSchema } from "../../dsl/module.ts";
import { overlaySchema } from "../../dsl/overlay.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CONFIG_FILE, HOST_FILE, HOSTS_DIR, MODULES_DIR } from "../load/layout.ts";
import type { Entry, Fleet, HostEntry, ModuleEntry } from "../model/fleet.ts";
import { checkAddresses } from "./check-addresses.ts";
import { checkInputs } from "./check-inputs.ts";
import { checkNames } from "./check-names.ts";
import { checkReferences } from "./check-references.ts";
import { checkUnstable } from "./check-unstable.ts";
import { writtenByEntry } from "../model/written-expressions.ts";
import { checkZfs } from "./check-zfs.ts";
import { validateHomes } from "./homes.ts";
import type { FleetCheck, FleetDraft } from "./draft.ts";
import { UNWALKABLE } from "./nix-representable.ts";
import { parseDefinition } from "./parse-definition.ts";
import { pruneToValid } from "./prune.ts";
import type { FleetSources, NamedSource } from "./sources.ts";

export { checkHostPorts } from "./check-host-ports.ts";
export { checkPortClaims } from "./check-ports.ts";
export type { FleetSources, NamedSource, SourceFile } from "./sources.ts";

/**
 * What is left of a fleet with errors, for the checks that can still run in the same report:
 * the files that passed, the failed ones cut down to what passes, and the files that failed.
 */
export interface PartialFleet {
  /** The fleet configuration and the hosts, modules and overlays that passed their schemas. */
  readonly fleet: Fleet;
  /**
   * Hosts and modules that failed, with the failing values cut away (see prune.ts): only for the
   * checks that find fewer problems in less input (references, ports, raw option names).
   */
  readonly pruned: { readonly hosts: readonly HostEntry[]; readonly modules: readonly ModuleEntry[] };
  /** Files that failed to load or validate, relative to the fleet root, sorted. */
  readonly failedFiles: readonly string[];
}

/** What validation found: the fleet, only when there is no error, and every problem. */
export interface ValidationResult {
  readonly fleet?: Fleet;
  /** When there are errors but the fleet configuration is valid: what the later checks can still use. */
  readonly partial?: PartialFleet;
  readonly diagnostics: readonly Diagnostic[];
}

/** The checks across files, in the order their reports are listed. */
const FLEET_CHECKS: readonly FleetCheck[] = [checkInputs, checkAddresses, checkZfs, checkUnstable];

const byName = (a: { readonly name: string }, b: { readonly name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Values the schema cannot even walk: nothing of such a file can be saved by pruning. */
const UNPRUNABLE = new Set([...UNWALKABLE, "unreadable-value"]);

/** The parsed files of one kind: those that passed, the failed ones cut down, every problem. */
interface ParsedAll<Config> {
  readonly entries: Entry<Config>[];
  readonly pruned: Entry<Config>[];
  readonly diagnostics: Diagnostic[];
  readonly failedFiles: string[];
}

/** Parse each named source with `schema`. */
const parseAll = <Schema extends z.ZodType>(sources: readonly NamedSource[], schema: Schema): ParsedAll<z.output<Schema>> => {
  const parsed = [...sources].sort(byName).map((source) => ({ source, result: parseDefinition(schema, source) }));
  const failed = parsed.filter(({ result }) => result.config === undefined);
  return {
    entries: parsed.flatMap(({ source, result }) =>
      result.config === undefined ? [] : [{ name: source.name, file: source.file, config: result.config }],
    ),
    pruned: failed.flatMap(({ source, result }) => {
      if (result.diagnostics.some((diagnostic) => UNPRUNABLE.has(diagnostic.code))) return [];
      const config = pruneToValid(schema, source.value);
      return config === undefined ? [] : [{ name: source.name, file: source.file, config }];
    }),
    diagnostics: parsed.flatMap(({ result }) => result.diagnostics),
    failedFiles: failed.map(({ source }) => source.file),
  };
};

/** Validate every file of `sources` and the fleet as a whole. Pure: reads nothing from disk. */
export const validateFleet = (sources: FleetSources): ValidationResult => {
  const config = sources.config && parseDefinition(fleetSchema, sources.config);
  const hosts = parseAll(sources.hosts, hostSchema);
  const modules = parseAll(sources.modules, moduleSchema);
  const overlays = parseAll(sources.overlays, overlaySchema);
  const draft: FleetDraft = {
    configFile: sources.config?.file ?? CONFIG_FILE,
    config: config?.config,
    hosts: hosts.entries,
    modules: modules.entries,
    overlays: overlays.entries,
    hostNames: {
      found: new Set([...sources.hosts.map((host) => host.name), ...(sources.unloaded?.hosts ?? [])]),
      unlisted: sources.unlisted?.includes(HOSTS_DIR) ?? false,
    },
    moduleNames: {
      found: new Set([...sources.modules.map((module) => module.name), ...(sources.unloaded?.modules ?? [])]),
      unlisted: sources.unlisted?.includes(MODULES_DIR) ?? false,
    },
    written: writtenByEntry([...hosts.entries, ...hosts.pruned, ...modules.entries, ...modules.pruned, ...overlays.entries]),
  };
  const homes = validateHomes(sources.homes ?? [], draft);
  const badNames = checkNames(sources.hosts, sources.modules, sources.overlays);
  // A file whose name cannot become a Nix path or host name fails like one that fails its schema:
  // planned, its path only made the flake's printing fail, reported again in typeflake.config.ts.
  const misnamed = new Set(badNames.map((diagnostic) => diagnostic.origin.file));
  const wellNamed = <Config>(entries: readonly Entry<Config>[]): Entry<Config>[] => entries.filter((entry) => !misnamed.has(entry.file));
  const diagnostics = [
    ...badNames,
    ...(config?.diagnostics ?? []),
    ...hosts.diagnostics,
    ...modules.diagnostics,
    ...overlays.diagnostics,
    ...FLEET_CHECKS.flatMap((check) => check(draft)),
    // References are checked in the failed files too, as far as they validate.
    ...checkReferences({ ...draft, hosts: [...hosts.entries, ...hosts.pruned], modules: [...modules.entries, ...modules.pruned] }),
    ...homes.diagnostics,
  ];
  const failedFiles = [...new Set([
    ...(draft.config === undefined ? [draft.configFile] : []),
    ...hosts.failedFiles,
    ...modules.failedFiles,
    ...overlays.failedFiles,
    ...(sources.unloaded?.hosts ?? []).map((name) => `${HOSTS_DIR}/${name}/${HOST_FILE}`),
    ...(sources.unloaded?.modules ?? []).map((name) => `${MODULES_DIR}/${name}.ts`),
    ...misnamed,
  ])].sort();
  const complete = failedFiles.length === 0 && homes.failed === 0 && !sources.unloaded?.homes?.length;
  if (draft.config === undefined) return { diagnostics };
  const fleet: Fleet = {
    configFile: draft.configFile,
    config: draft.config,
    hosts: wellNamed(hosts.entries),
    modules: wellNamed(modules.entries),
    overlays: wellNamed(overlays.entries),
    homes: homes.entries,
  };
  if (complete && !diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { fleet, diagnostics };
  return { partial: { fleet, pruned: { hosts: hosts.pruned, modules: modules.pruned }, failedFiles }, diagnostics };
};
