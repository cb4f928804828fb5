/**
 * Validate a loaded fleet: every file against its schema, then the fleet-wide checks, collecting
 * every problem at once (cdk8s style: validate everything, report once).
 */
import { fleetSchema } from "../../dsl/fleet.ts";
import { hostSchema } from "../../dsl/host.ts";
import { moduleSchema } from "../../dsl/module.ts";
import { overlaySchema } from "../../dsl/overlay.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CONFIG_FILE } from "../load/layout.ts";
import type { Entry, Fleet } from "../model/fleet.ts";
import { checkAddresses } from "./check-addresses.ts";
import { checkInputs } from "./check-inputs.ts";
import { checkNames } from "./check-names.ts";
import { checkReferences } from "./check-references.ts";
import { checkZfs } from "./check-zfs.ts";
import { validateHomes } from "./homes.ts";
import type { FleetCheck, FleetDraft } from "./draft.ts";
import { parseDefinition, type ParsedDefinition } from "./parse-definition.ts";
import type { FleetSources, NamedSource } from "./sources.ts";

export { checkHostPorts } from "./check-host-ports.ts";
export { checkPortClaims } from "./check-ports.ts";
export type { FleetSources, NamedSource, SourceFile } from "./sources.ts";

/** What validation found: the fleet, only when there is no error, and every problem. */
export interface ValidationResult {
  readonly fleet?: Fleet;
  readonly diagnostics: readonly Diagnostic[];
}

/** The checks across files, in the order their reports are listed. */
const FLEET_CHECKS: readonly FleetCheck[] = [checkInputs, checkReferences, checkAddresses, checkZfs];

const byName = (a: { readonly name: string }, b: { readonly name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Parse each named source; entries for those that passed, diagnostics for all. */
const parseAll = <Config>(
  sources: readonly NamedSource[],
  parse: (source: NamedSource) => ParsedDefinition<Config>,
): { entries: Entry<Config>[]; diagnostics: Diagnostic[]; failed: number } => {
  const parsed = [...sources].sort(byName).map((source) => ({ source, result: parse(source) }));
  return {
    entries: parsed.flatMap(({ source, result }) =>
      result.config === undefined ? [] : [{ name: source.name, file: source.file, config: result.config }],
    ),
    diagnostics: parsed.flatMap(({ result }) => result.diagnostics),
    failed: parsed.filter(({ result }) => result.config === undefined).length,
  };
};

/** Validate every file of `sources` and the fleet as a whole. Pure: reads nothing from disk. */
export const validateFleet = (sources: FleetSources): ValidationResult => {
  const config = sources.config && parseDefinition(fleetSchema, sources.config);
  const hosts = parseAll(sources.hosts, (source) => parseDefinition(hostSchema, source));
  const modules = parseAll(sources.modules, (source) => parseDefinition(moduleSchema, source));
  const overlays = parseAll(sources.overlays, (source) => parseDefinition(overlaySchema, source));
  const draft: FleetDraft = {
    configFile: sources.config?.file ?? CONFIG_FILE,
    config: config?.config,
    hosts: hosts.entries,
    modules: modules.entries,
    hostNames: new Set([...sources.hosts.map((host) => host.name), ...(sources.unloaded?.hosts ?? [])]),
    moduleNames: new Set([...sources.modules.map((module) => module.name), ...(sources.unloaded?.modules ?? [])]),
  };
  const homes = validateHomes(sources.homes ?? [], draft);
  const diagnostics = [
    ...checkNames(sources.hosts, sources.modules, sources.overlays),
    ...(config?.diagnostics ?? []),
    ...hosts.diagnostics,
    ...modules.diagnostics,
    ...overlays.diagnostics,
    ...FLEET_CHECKS.flatMap((check) => check(draft)),
    ...homes.diagnostics,
  ];
  const complete =
    draft.config !== undefined && hosts.failed + modules.failed + overlays.failed + homes.failed === 0 && !sources.unloaded?.homes?.length && !sources.unloaded?.hosts?.length && !sources.unloaded?.modules?.length;
  if (!complete || diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { diagnostics };
  return {
    fleet: {
      configFile: draft.configFile,
      config: draft.config,
      hosts: hosts.entries,
      modules: modules.entries,
      overlays: overlays.entries,
      homes: homes.entries,
    },
    diagnostics,
  };
};
