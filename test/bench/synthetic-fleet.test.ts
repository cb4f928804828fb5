/**
 * The bench's synthetic fleets are valid fleets: three hosts in each layout and WireGuard
 * topology go through the whole pipeline without a single diagnostic, both layouts describe the
 * same fleet, and the topologies produce the peers the bench counts on.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticFleet } from "../../bench/synthetic/write-fleet.ts";
import type { FleetSpec, Layout, Topology } from "../../bench/synthetic/spec.ts";
import { runPipeline, type PipelineResult } from "../../generators/pipeline.ts";

/** Under test/.tmp/ (git-ignored, inside the repository, so the fleets can import "typeflake"). */
const TMP = fileURLToPath(new URL("../.tmp/", import.meta.url));
const roots: string[] = [];

const generate = async (layout: Layout, topology: Topology): Promise<PipelineResult> => {
  await mkdir(TMP, { recursive: true });
  const root = await mkdtemp(join(TMP, `bench-${layout}-${topology}-`));
  roots.push(root);
  const spec: FleetSpec = { hosts: 3, layout, topology };
  await writeSyntheticFleet(root, spec);
  return runPipeline(root);
};

/** WireGuard peer entries in the planned host files (each peer sets `publicKey`). */
const peerEntries = (result: PipelineResult): number =>
  (result.plan?.files ?? [])
    .filter((file) => /^hosts\/[^/]+\/default\.nix$/.test(file.path))
    .reduce((sum, file) => sum + (file.text.match(/^\s*publicKey = /gm)?.length ?? 0), 0);

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe("synthetic bench fleets", () => {
  it.each([
    ["folders", "hub", 4],
    ["one-file", "hub", 4],
    ["folders", "mesh", 6],
  ] as const)("%s layout, %s topology: 3 hosts plan with no diagnostics and %i peer entries", async (layout, topology, peers) => {
    const result = await generate(layout, topology);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(["flake.nix", "hosts/hub/default.nix", "hosts/node-0002/default.nix", "modules/common.nix", "modules/monitoring.nix"]),
    );
    expect(peerEntries(result)).toBe(peers);
  });

  it("writes the same fleet in both layouts", async () => {
    const [folders, oneFile] = await Promise.all([generate("folders", "hub"), generate("one-file", "hub")]);
    expect(oneFile.fleet?.hosts).toEqual(folders.fleet?.hosts);
    expect(oneFile.fleet?.config).toEqual(folders.fleet?.config);
    expect(oneFile.plan?.files).toEqual(folders.plan?.files);
  });
});
