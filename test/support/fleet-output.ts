/**
 * Generate a fleet in memory for tests, and the checks every generated fleet must pass: its
 * committed output is current, every Nix file parses with the real nix, and every option it
 * emits exists in NixOS with a value of a compatible type.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { checkPlan, hasDrift } from "../../generators/emit/check.ts";
import type { FilePlan } from "../../generators/emit/plan.ts";
import type { GeneratedNix } from "../../generators/files/generated-nix.ts";
import { nixFiles } from "../../generators/generate.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { checkNixosOptions } from "../../generators/options/check-options.ts";
import { shippedOptionIndex } from "../../generators/options/shipped.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { nixInstantiate } from "./nix.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

export interface FleetOutput {
  readonly root: string;
  readonly fleet: Fleet;
  readonly plan: FilePlan;
  readonly nix: GeneratedNix[];
}

/**
 * Run the whole pipeline on `root`; fails the test, listing them, when there are diagnostics
 * other than the warnings that an encrypted secret file is not created yet (the reference fleets
 * ship none: they would be encrypted to keys nobody here holds).
 */
export const generateFleet = async (root: string): Promise<FleetOutput> => {
  const result = await runPipeline(root);
  const problems = result.diagnostics.filter((d) => d.code !== "missing-secret-file" || d.severity !== "warning");
  expect(problems.map((d) => `${d.origin.file} ${d.origin.objectPath.join(".")}: ${messageOf(d)}`)).toEqual([]);
  if (!result.fleet || !result.lowered || !result.plan) throw new Error(`${root} did not generate`);
  return { root, fleet: result.fleet, plan: result.plan, nix: nixFiles(result.lowered) };
};

/** The files on disk are exactly what the TypeScript generates (`typeflake generate --check`). */
export const expectCommittedOutputCurrent = async (output: FleetOutput): Promise<void> => {
  const result = await checkPlan(output.root, output.plan);
  const drifted = [...result.missing, ...result.changed, ...result.stale];
  expect(hasDrift(result), `stale: ${drifted.map((file) => `${file.path}\n${file.diff}`).join("\n")}`).toBe(false);
};

/** `nix-instantiate --parse` accepts every planned Nix file (one nix call for all of them). */
export const expectNixParses = (plan: FilePlan): void => {
  const dir = mkdtempSync(join(tmpdir(), "typeflake-parse-"));
  try {
    const paths = plan.files
      .filter((file) => file.path.endsWith(".nix"))
      .map((file, index) => {
        const path = join(dir, `${index}.nix`);
        writeFileSync(path, file.text);
        return path;
      });
    expect(() => nixInstantiate(["--parse", ...paths])).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Every option the host and module files define exists in the shipped NixOS schema, with a
 * compatible value; `notInSchema` names top-level namespaces the schema does not cover.
 */
export const expectOptionsConform = (nix: readonly GeneratedNix[], notInSchema: readonly string[] = []): void => {
  const index = shippedOptionIndex();
  const covered = (options: object) => Object.fromEntries(Object.entries(options).filter(([name]) => !notInSchema.includes(name)));
  const problems = nix.flatMap((file) =>
    file.options === undefined ? [] : checkNixosOptions(covered(file.options as object), { file: file.path, objectPath: [] }, index),
  );
  expect(problems.map((p) => `${p.origin.file} ${p.origin.objectPath.join(".")}: ${messageOf(p)}`)).toEqual([]);
};
