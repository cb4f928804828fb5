/**
 * Generate a fleet in memory for tests: the validated model, the planned files and the NixOS
 * module files before printing.
 */
import { expect } from "vitest";
import type { FilePlan } from "../../generators/emit/plan.ts";
import type { GeneratedNix } from "../../generators/files/generated-nix.ts";
import { nixFiles } from "../../generators/generate.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { runPipeline } from "../../generators/pipeline.ts";

export interface FleetOutput {
  readonly fleet: Fleet;
  readonly plan: FilePlan;
  readonly nix: GeneratedNix[];
}

/** Run the whole pipeline on `root`; fails the test, listing them, when there are diagnostics. */
export const generateFleet = async (root: string): Promise<FleetOutput> => {
  const result = await runPipeline(root);
  expect(result.diagnostics.map((d) => `${d.origin.file} ${d.origin.objectPath.join(".")}: ${d.message}`)).toEqual([]);
  if (!result.fleet || !result.plan) throw new Error(`${root} did not generate`);
  return { fleet: result.fleet, plan: result.plan, nix: nixFiles(result.fleet) };
};
