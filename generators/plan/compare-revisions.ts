/**
 * The plan's edge: load the working tree (validated and checked as `generate` does) and the fleet
 * as committed at the base revision, lower both, and compare them. Used by `plan` and by
 * `deploy --changed`.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { nixFiles } from "../generate.ts";
import { loadAndValidate } from "../load/index.ts";
import { lowerFleet } from "../lower/fleet.ts";
import { indexFleet } from "../model/fleet-index.ts";
import { runPipeline } from "../pipeline.ts";
import type { FleetPlan } from "./changes.ts";
import { planFleetChange, type FleetRevision } from "./fleet-plan.ts";
import { BaseRevisionError, resolveCommit, withCommittedFleet } from "./git-revision.ts";
import { handKeptFiles } from "./hand-kept.ts";

/** The plan, or the working tree's problems (to be reported as `generate` reports them). */
export type Comparison = { readonly plan: FleetPlan; readonly diagnostics: readonly Diagnostic[] } | { readonly plan?: undefined; readonly diagnostics: readonly Diagnostic[] };

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

/** The fleet at `commit`: loaded, validated and lowered; a `BaseRevisionError` with its problems when it is not valid. */
const baseRevision = (root: string, ref: string, commit: string): Promise<FleetRevision> =>
  withCommittedFleet(root, ref, commit, async (folder) => {
    const validation = await loadAndValidate(folder).catch((caught: unknown) => {
      throw new BaseRevisionError(`the fleet at ${ref} (${commit.slice(0, 12)}) could not be loaded: ${caught instanceof Error ? caught.message : String(caught)}`);
    });
    const lowered = validation.fleet && lowerFleet(indexFleet(validation.fleet));
    const files = lowered ? nixFiles(lowered) : [];
    const problems = errors([...validation.diagnostics, ...files.flatMap((file) => file.diagnostics)]);
    if (!lowered || problems.length) {
      const shown = problems.length ? `\n${formatDiagnostics(problems, { color: false })}` : "";
      throw new BaseRevisionError(
        `the fleet at ${ref} (${commit.slice(0, 12)}) does not validate with this typeflake, so there is nothing to compare with; ` +
          `pass --base a revision whose fleet validates (or fix it there)${shown}`,
      );
    }
    return { index: lowered.index, files, handKept: await handKeptFiles(lowered.index, folder) };
  });

/** Compare the working tree at `root` with the fleet as committed at `ref`. */
export const compareWithBase = async (root: string, ref: string): Promise<Comparison> => {
  const commit = await resolveCommit(root, ref);
  const [head, base] = await Promise.all([runPipeline(root), baseRevision(root, ref, commit)]);
  if (!head.lowered || !head.plan) return { diagnostics: head.diagnostics };
  const current = { index: head.lowered.index, files: nixFiles(head.lowered), handKept: await handKeptFiles(head.lowered.index, root) };
  return { plan: planFleetChange(base, current, ref, commit), diagnostics: head.diagnostics };
};
