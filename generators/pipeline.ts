/**
 * The whole of `generate` short of the disk, as data flows through it: load and validate the
 * fleet, index it, lower it (once), run the checks over the lowered fleet (cross-host wiring,
 * port conflicts, raw NixOS option paths, mirrored NixOS assertions, paths, raw Nix), and plan
 * the files. Every problem of every stage is collected in one report: when some files fail, the
 * later stages still judge the rest (see validate/checkable-fleet.ts); a plan is returned only
 * when there is no error.
 */
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { FilePlan } from "./emit/plan.ts";
import { planFleet, type PrintMemo } from "./generate.ts";
import { loadAndValidate, type LoadOptions } from "./load/index.ts";
import type { Fleet } from "./model/fleet.ts";
import { namedElsewhere } from "./options/name-defaults.ts";
import { checkNixosOptions } from "./options/check-options.ts";
import type { OptionIndex } from "./options/runtime-index.ts";
import { loadOptionIndex } from "./load/fleet-option-index.ts";
import { checkCrossHost } from "./validate/cross-host/index.ts";
import { checkAssertions } from "./validate/assertions/index.ts";
import { checkDeployUsers } from "./validate/check-deploy-users.ts";
import { checkTimeZones } from "./validate/check-time-zones.ts";
import { fleetOptions, type FleetOptions } from "./validate/assertions/host-options.ts";
import { checkableFleet, skippedChecks } from "./validate/checkable-fleet.ts";
import { CONFIG_FILE } from "./load/layout.ts";
import { checkHostPorts, checkPortClaims, type PartialFleet } from "./validate/index.ts";
import { hostPorts, lowerFleet, type LoweredFleet } from "./lower/fleet.ts";
import { indexFleet } from "./model/fleet-index.ts";
import { checkPaths, fleetPathReferences, insideFleet } from "./validate/paths.ts";
import { pathFacts } from "./load/existing-paths.ts";
import type { RunReads, CheckedPaths } from "./cache/run-reads.ts";
import { checkRawNix } from "./validate/raw-nix.ts";
import { checkDefinitionConflicts, gatherHosts } from "./validate/check-definition-conflicts.ts";
import { fleetLosers, type FleetLosers } from "./validate/losing-definitions.ts";

export interface PipelineResult {
  /** The validated fleet, when it loaded and validated. */
  readonly fleet?: Fleet;
  /** The lowered fleet, when the fleet validated: what the plan of `plan` and `deploy --changed` compares. */
  readonly lowered?: LoweredFleet;
  /** The files to write, only when no stage found an error. */
  readonly plan?: FilePlan;
  readonly diagnostics: readonly Diagnostic[];
  /** What the run read from the disk, for the run cache: with every plan whose fleet loaded as one bundle. */
  readonly read?: RunReads;
  /** Path → fingerprint of each printed Nix file, when a print memo was given (for the next run's). */
  readonly printed?: ReadonlyMap<string, string>;
}

/** How to run the pipeline: how to load the fleet (the run cache starts its load), and what not to print again. */
export interface PipelineOptions extends LoadOptions {
  /** An earlier run's printed texts (see `PrintMemo`): Nix that did not change is not printed again. */
  readonly printMemo?: PrintMemo;
}

const hasError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

/**
 * Every raw `nixos` block of the fleet against the NixOS option index; none when the fleet's own
 * index is damaged (that is reported, and the shipped one would misjudge the fleet's options).
 * `losers` are the definitions NixOS drops before checking them, where the hosts are known.
 */
const checkRawOptions = (fleet: Fleet, optionIndex: OptionIndex | undefined, losers?: FleetLosers): Diagnostic[] => {
  if (!optionIndex) return [];
  const entries = [...fleet.hosts, ...fleet.modules];
  const named = namedElsewhere(entries.map((entry) => entry.config.nixos));
  return entries.flatMap((entry) =>
    checkNixosOptions(entry.config.nixos, { file: entry.file, objectPath: ["nixos"] }, optionIndex, losers, named),
  );
};

/** Each planned file's path → the TypeScript it is generated from. */
const generatedPaths = (plan: FilePlan): Map<string, string> => new Map(plan.files.map((file) => [file.path, file.source]));

/**
 * The checks over a lowered fleet (all of it, or the part that validated), and the paths they
 * looked up; `options` are its hosts' merged options, `plan` what the fleet would generate,
 * which no hand-kept path may name.
 */
const laterChecks = async (root: string, lowered: LoweredFleet, options: FleetOptions, optionIndex: OptionIndex | undefined, plan: FilePlan): Promise<{ diagnostics: Diagnostic[]; paths: CheckedPaths }> => {
  const { fleet } = lowered.index;
  const paths = fleetPathReferences(lowered.index);
  const checked = paths.flatMap((reference) => insideFleet(reference) ?? []);
  const onDisk = await pathFacts(root, checked);
  // Each host's definitions at the options they define, read by the conflict check and the option check alike.
  const gathered = optionIndex && gatherHosts(lowered, optionIndex);
  const diagnostics = [
    ...checkCrossHost(lowered, options),
    ...checkHostPorts(lowered),
    ...checkRawOptions(fleet, optionIndex, gathered && fleetLosers(gathered.hosts, gathered.unlisted)),
    ...(gathered ? checkDefinitionConflicts(gathered.hosts) : []),
    ...checkAssertions(lowered.index, options),
    ...checkDeployUsers(lowered.index, options),
    ...checkTimeZones(options),
    ...checkPaths(paths, onDisk, generatedPaths(plan)),
    ...(await checkRawNix(fleet, { written: lowered.index.written })),
  ];
  return { diagnostics, paths: { checked, facts: onDisk } };
};

/**
 * Hosts and modules that failed their schema, cut down to what validates: their port conflicts
 * and raw option names are reported with their schema errors, not a run later. The pruned hosts
 * are lowered beside the checkable ones, for their port claims only.
 */
const prunedChecks = (fleet: Fleet, pruned: PartialFleet["pruned"], optionIndex: OptionIndex | undefined): Diagnostic[] => {
  const withPruned = lowerFleet(indexFleet({ ...fleet, hosts: [...fleet.hosts, ...pruned.hosts] }), pruned.hosts);
  return [
    ...[...withPruned.hosts.values()].flatMap((host) => checkPortClaims(host.host.name, hostPorts(host))),
    ...checkRawOptions({ ...fleet, hosts: pruned.hosts, modules: pruned.modules }, optionIndex),
  ];
};

/**
 * The planner's diagnostics beside the checks' `checked`. A value the printer cannot write
 * (`unprintable-value`) is a safety net for what the checks miss, reported at the definition
 * without a path; when a check has refused something, that is almost always the same value (an
 * empty or CR-broken nix`…` fragment), already reported where it is written, so the net's
 * copy is left out: nothing is written either way.
 */
const plannerDiagnostics = (planned: readonly Diagnostic[], checked: readonly Diagnostic[]): readonly Diagnostic[] =>
  hasError(checked) ? planned.filter((diagnostic) => diagnostic.code !== "unprintable-value") : planned;

/** Load, validate, index, lower (once), check and plan the fleet at `root`. */
export const runPipeline = async (root: string, { printMemo, ...load }: PipelineOptions = {}): Promise<PipelineResult> => {
  const [validation, options] = await Promise.all([loadAndValidate(root, load), loadOptionIndex(root)]);
  const { fleet, partial } = validation;
  const optionIndex = options.index;
  const found = [...validation.diagnostics, ...options.diagnostics];
  if (partial) {
    // Errors already: check what they leave meaningful, in the same report, and plan nothing.
    const { fleet: checkable, skipped } = checkableFleet(partial);
    const lowered = lowerFleet(indexFleet(checkable));
    const hostOptions = fleetOptions(lowered);
    const planned = planFleet(lowered, hostOptions);
    const later = [...(await laterChecks(root, lowered, hostOptions, optionIndex, planned.plan)).diagnostics, ...prunedChecks(checkable, partial.pruned, optionIndex)];
    return { diagnostics: [...found, ...later, ...plannerDiagnostics(planned.diagnostics, [...found, ...later]), ...skipped] };
  }
  // Without a valid fleet configuration no later check can run.
  if (!fleet) return { diagnostics: [...found, ...(hasError(validation.diagnostics) ? skippedChecks([CONFIG_FILE]) : [])] };
  if (hasError(validation.diagnostics)) return { diagnostics: found };
  const lowered = lowerFleet(indexFleet(fleet));
  // Each host's merged options, read by the inventory's page, the cross-host checks and the assertions alike.
  const hostOptions = fleetOptions(lowered);
  const { plan, diagnostics: lowering, fingerprints } = planFleet(lowered, hostOptions, printMemo);
  const later = await laterChecks(root, lowered, hostOptions, optionIndex, plan);
  const diagnostics = [...found, ...later.diagnostics, ...plannerDiagnostics(lowering, [...found, ...later.diagnostics])];
  if (hasError(diagnostics)) return { fleet, lowered, diagnostics };
  const read = validation.read && { ...validation.read, paths: later.paths };
  return { fleet, lowered, plan, diagnostics, read, ...(printMemo && { printed: fingerprints }) };
};
