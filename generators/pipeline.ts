/**
 * The whole of `generate` short of the disk: load and validate the fleet, run the checks that
 * need the validated model (cross-host wiring, raw NixOS option paths, mirrored NixOS
 * assertions), lower and print. Every problem of every stage is collected in one report: when
 * some files fail, the later stages still judge the rest (see validate/checkable-fleet.ts); a
 * plan is returned only when there is no error.
 */
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { FilePlan } from "./emit/plan.ts";
import { planFleet, type PrintMemo } from "./generate.ts";
import { loadAndValidate } from "./load/index.ts";
import type { Discovery } from "./load/discover.ts";
import type { Fleet } from "./model/fleet.ts";
import { checkNixosOptions } from "./options/check-options.ts";
import type { OptionIndex } from "./options/runtime-index.ts";
import { loadOptionIndex } from "./load/fleet-option-index.ts";
import { checkCrossHost } from "./validate/cross-host/index.ts";
import { checkAssertions } from "./validate/assertions/index.ts";
import { fleetOptions } from "./validate/assertions/host-options.ts";
import { checkableFleet, skippedChecks } from "./validate/checkable-fleet.ts";
import { CONFIG_FILE } from "./load/layout.ts";
import { checkHostPorts, checkPortClaims, type PartialFleet } from "./validate/index.ts";
import { lowerEntry } from "./lower/entry.ts";
import { modulesOfHost } from "./model/host-modules.ts";
import { checkPaths, fleetPathReferences, insideFleet } from "./validate/paths.ts";
import { pathFacts } from "./load/existing-paths.ts";
import type { RunReads, CheckedPaths } from "./cache/run-reads.ts";
import { checkRawNix } from "./validate/raw-nix.ts";

export interface PipelineResult {
  /** The validated fleet, when it loaded and validated. */
  readonly fleet?: Fleet;
  /** The files to write, only when no stage found an error. */
  readonly plan?: FilePlan;
  readonly diagnostics: readonly Diagnostic[];
  /** What the run read from the disk, for the run cache: with every plan whose fleet loaded as one bundle. */
  readonly read?: RunReads;
  /** Path → fingerprint of each printed Nix file, when a print memo was given (for the next run's). */
  readonly printed?: ReadonlyMap<string, string>;
}

/** How to run the pipeline. */
export interface PipelineOptions {
  /** An earlier run's printed texts (see `PrintMemo`): Nix that did not change is not printed again. */
  readonly printMemo?: PrintMemo;
  /** The fleet's definition files, when the caller has already found them (the run cache does). */
  readonly discovery?: Discovery;
}

const hasError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

/**
 * Every raw `nixos` block of the fleet against the NixOS option index; none when the fleet's own
 * index is damaged (that is reported, and the shipped one would misjudge the fleet's options).
 */
const checkRawOptions = (fleet: Fleet, index: OptionIndex | undefined): Diagnostic[] =>
  index
    ? [...fleet.hosts, ...fleet.modules].flatMap((entry) =>
        checkNixosOptions(entry.config.nixos, { file: entry.file, objectPath: ["nixos"] }, index),
      )
    : [];

/** The checks that need a validated fleet (all of it, or the part that validated), and the paths they looked up. */
const laterChecks = async (root: string, fleet: Fleet, index: OptionIndex | undefined): Promise<{ diagnostics: Diagnostic[]; paths: CheckedPaths }> => {
  const paths = fleetPathReferences(fleet);
  const checked = paths.flatMap((reference) => insideFleet(reference) ?? []);
  const onDisk = await pathFacts(root, checked);
  // Each host's merged options, read by the cross-host checks and the assertions alike.
  const options = fleetOptions(fleet);
  const diagnostics = [
    ...checkCrossHost(fleet, options),
    ...checkHostPorts(fleet),
    ...checkRawOptions(fleet, index),
    ...checkAssertions(fleet, options),
    ...checkPaths(paths, onDisk),
    ...(await checkRawNix(fleet)),
  ];
  return { diagnostics, paths: { checked, facts: onDisk } };
};

/**
 * Hosts and modules that failed their schema, cut down to what validates: their port conflicts
 * and raw option names are reported with their schema errors, not a run later.
 */
const prunedChecks = (fleet: Fleet, pruned: PartialFleet["pruned"], index: OptionIndex | undefined): Diagnostic[] => {
  const withPruned: Fleet = { ...fleet, hosts: [...fleet.hosts, ...pruned.hosts] };
  return [
    ...pruned.hosts.flatMap((host) =>
      checkPortClaims(
        host.name,
        [host, ...modulesOfHost(fleet, host)].flatMap((body) => lowerEntry(withPruned, body, body === host ? host.name : undefined).ports),
      ),
    ),
    ...checkRawOptions({ ...fleet, hosts: pruned.hosts, modules: pruned.modules }, index),
  ];
};

/** Load, validate, check and plan the fleet at `root`. */
export const runPipeline = async (root: string, { printMemo, discovery }: PipelineOptions = {}): Promise<PipelineResult> => {
  const [validation, options] = await Promise.all([loadAndValidate(root, discovery), loadOptionIndex(root)]);
  const { fleet, partial } = validation;
  const { index } = options;
  const found = [...validation.diagnostics, ...options.diagnostics];
  if (partial) {
    // Errors already: check what they leave meaningful, in the same report, and plan nothing.
    const { fleet: checkable, skipped } = checkableFleet(partial);
    const later = [...(await laterChecks(root, checkable, index)).diagnostics, ...prunedChecks(checkable, partial.pruned, index), ...planFleet(checkable).diagnostics];
    return { diagnostics: [...found, ...later, ...skipped] };
  }
  // Without a valid fleet configuration no later check can run.
  if (!fleet) return { diagnostics: [...found, ...(hasError(validation.diagnostics) ? [skippedChecks(CONFIG_FILE)] : [])] };
  if (hasError(validation.diagnostics)) return { diagnostics: found };
  const later = await laterChecks(root, fleet, index);
  const { plan, diagnostics: lowering, fingerprints } = planFleet(fleet, printMemo);
  const diagnostics = [...found, ...later.diagnostics, ...lowering];
  if (hasError(diagnostics)) return { fleet, diagnostics };
  const read = validation.read && { files: validation.read, paths: later.paths };
  return { fleet, plan, diagnostics, read, ...(printMemo && { printed: fingerprints }) };
};
