/**
 * The promises that matter most, over random plans and random trees: after `generate`, `--check`
 * is clean; `--check` predicts exactly what `generate` does; its diffs apply; and no file without
 * typeflake's header is ever changed or deleted.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { applyPatch } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../generators/emit/check.ts";
import { checkExitCode } from "../../generators/emit/exit-code.ts";
import { hasGeneratedHeader, renderGeneratedHeader } from "../../generators/emit/header.ts";
import type { FilePlan } from "../../generators/emit/plan.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { anyText, filesUnder, planned, put, snapshot, tempRoot } from "./support/tree.ts";

const PLANNABLE = ["flake.nix", "hosts/a/default.nix", "hosts/b/default.nix", "modules/m.nix", "overlays/default.nix", "deep/x/y/z.nix"];
const HAND_KEPT = ["hosts/a/hardware.nix", "README.md"];

const body = anyText(40);

const planArb: fc.Arbitrary<FilePlan> = fc
  .subarray(PLANNABLE)
  .chain((paths) => fc.tuple(...paths.map((path) => body.map((text) => planned(path, text)))))
  .map((files) => ({ files }));

/** What a person (or an earlier run) did to one path after the history run. */
const editArb = fc.oneof(
  { arbitrary: fc.constant({ kind: "keep" as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: "delete" as const }), weight: 1 },
  { arbitrary: body.map((text) => ({ kind: "hand-written" as const, text })), weight: 1 },
  { arbitrary: body.map((text) => ({ kind: "generated" as const, text: renderGeneratedHeader("old.ts", "#") + text })), weight: 2 },
);

const scenarioArb = fc.record({
  history: fc.option(planArb, { nil: undefined }),
  edits: fc.tuple(...[...PLANNABLE, ...HAND_KEPT].map(() => editArb)),
  hostsIsAFile: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
  plan: planArb,
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Build the tree a scenario describes: an earlier generation, then edits on top. */
async function arrange(root: string, scenario: Scenario): Promise<void> {
  if (scenario.history) await writePlan(root, scenario.history);
  const paths = [...PLANNABLE, ...HAND_KEPT];
  for (const [index, edit] of scenario.edits.entries()) {
    const path = paths[index]!;
    if (edit.kind === "delete") await rm(join(root, path), { force: true });
    if (edit.kind === "hand-written" || edit.kind === "generated") await put(root, { [path]: edit.text });
  }
  if (scenario.hostsIsAFile) {
    await rm(join(root, "hosts"), { recursive: true, force: true });
    await put(root, { hosts: "hand-written\n" });
  }
}

/** Bytes of every file under `root` that lacks typeflake's header (the manifest aside). */
async function handWritten(root: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const path of await filesUnder(root)) {
    const bytes = await readFile(join(root, path));
    if (!path.startsWith(".typeflake/") && !hasGeneratedHeader(bytes.toString("utf8"))) found.set(path, bytes);
  }
  return found;
}

const paths = (files: readonly { path: string }[]) => files.map((file) => file.path);

describe("writePlan and checkPlan together", () => {
  it("check predicts write, write leaves check clean, and hand-written files survive", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const root = await tempRoot();
        await arrange(root, scenario);
        const before = await snapshot(root);
        const kept = await handWritten(root);

        const predicted = await checkPlan(root, scenario.plan);
        for (const file of predicted.changed) {
          const planned = scenario.plan.files.find((candidate) => candidate.path === file.path)!;
          expect(applyPatch((await readFile(join(root, file.path))).toString("utf8"), file.diff)).toBe(planned.text);
        }

        const result = await writePlan(root, scenario.plan);
        expect(result.failed).toEqual([]);
        for (const [path, bytes] of kept) expect(await readFile(join(root, path))).toEqual(bytes);

        if (result.refused.length > 0) {
          expect(result.refused).toEqual(predicted.refused);
          expect(await snapshot(root)).toEqual(before);
          return;
        }
        expect(predicted.refused).toEqual([]);
        expect(result.created).toEqual(paths(predicted.missing));
        expect(result.updated).toEqual(paths(predicted.changed));
        expect(result.removed).toEqual(paths([...predicted.stale, ...predicted.orphaned]).sort());
        expect(result.keptModified).toEqual(predicted.keptModified);

        const after = await checkPlan(root, scenario.plan);
        expect(checkExitCode(after)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});
