/**
 * The whole of `generate` short of the disk: load and validate the fleet, run the checks that
 * need the validated model (cross-host wiring, raw NixOS option paths), lower and print. Every
 * problem of every stage is collected; a plan is returned only when there is no error.
 */
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { FilePlan } from "./emit/plan.ts";
import { planFleet } from "./generate.ts";
import { loadAndValidate } from "./load/index.ts";
import type { Fleet } from "./model/fleet.ts";
import { checkNixosOptions } from "./options/check-options.ts";
import { shippedOptionIndex } from "./options/shipped.ts";
import { checkCrossHost } from "./validate/cross-host/index.ts";
import { checkHostPorts } from "./validate/index.ts";
import { checkPaths, fleetPathReferences, insideFleet } from "./validate/paths.ts";
import { existingPaths } from "./load/existing-paths.ts";

export interface PipelineResult {
  /** The validated fleet, when it loaded and validated. */
  readonly fleet?: Fleet;
  /** The files to write, only when no stage found an error. */
  readonly plan?: FilePlan;
  readonly diagnostics: readonly Diagnostic[];
}

const hasError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

/** Every raw `nixos` block of the fleet against the NixOS option index. */
const checkRawOptions = (fleet: Fleet): Diagnostic[] => {
  const index = shippedOptionIndex();
  return [...fleet.hosts, ...fleet.modules].flatMap((entry) =>
    checkNixosOptions(entry.config.nixos, { file: entry.file, objectPath: ["nixos"] }, index),
  );
};

/** Load, validate, check and plan the fleet at `root`. */
export const runPipeline = async (root: string): Promise<PipelineResult> => {
  const validation = await loadAndValidate(root);
  const { fleet } = validation;
  if (!fleet || hasError(validation.diagnostics)) return { diagnostics: validation.diagnostics };
  const paths = fleetPathReferences(fleet);
  const existing = await existingPaths(root, paths.flatMap((reference) => insideFleet(reference) ?? []));
  const checked = [
    ...validation.diagnostics,
    ...checkCrossHost(fleet),
    ...checkHostPorts(fleet),
    ...checkRawOptions(fleet),
    ...checkPaths(paths, existing),
  ];
  const { plan, diagnostics: lowering } = planFleet(fleet);
  const diagnostics = [...checked, ...lowering];
  return hasError(diagnostics) ? { fleet, diagnostics } : { fleet, plan, diagnostics };
};
