/**
 * The print memo: when a run misses the record (something changed), a Nix file whose comments and
 * expression are unchanged takes its text from the record instead of being printed again; a file
 * whose Nix changed is printed. A poisoned record shows which is which.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plannedRun } from "../../generators/cache/cached-run.ts";
import { nixFingerprint } from "../../generators/nix/fingerprint.ts";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { plannedText, poisonRecord, writeCacheFleet } from "./support/cache-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

const fleetWithAlphaChanged = async (poisoned: boolean): Promise<string> => {
  const root = await writeCacheFleet();
  fleets.push(root);
  await plannedRun(root, { reuse: true });
  if (poisoned) await poisonRecord(root);
  const host = join(root, "hosts/alpha/host.ts");
  await writeFile(host, (await readFile(host, "utf8")).replace(`pkg("htop")`, `pkg("git")`));
  return root;
};

describe("the print memo", () => {
  it("prints only the Nix that changed and takes the rest from the record", async () => {
    const root = await fleetWithAlphaChanged(true);
    const run = await plannedRun(root, { reuse: true });
    expect(plannedText(run, "hosts/alpha/default.nix")).toContain("pkgs.git");
    expect(plannedText(run, "hosts/alpha/default.nix")).not.toContain("taken from the record");
    for (const unchanged of ["hosts/beta/default.nix", "modules/common.nix", "flake.nix"]) expect(plannedText(run, unchanged)).toContain("taken from the record");
  });

  it("gives the plan a run without the cache gives", async () => {
    const root = await fleetWithAlphaChanged(false);
    const memoised = await plannedRun(root, { reuse: true });
    expect(memoised.plan).toEqual((await plannedRun(root, { reuse: false })).plan);
  });

  it("is not used with --no-cache", async () => {
    const root = await fleetWithAlphaChanged(true);
    const run = await plannedRun(root, { reuse: false });
    expect(run.plan?.files.some((file) => file.text.includes("taken from the record"))).toBe(false);
  });

  it("keys on a fingerprint that tells apart what JSON would confuse", () => {
    const distinct = [{ kind: "int", value: 1n }, { kind: "int", value: "1" }, { kind: "float", value: 0 }, { kind: "float", value: -0 }, { kind: "float", value: Number.NaN }, { kind: "float", value: null }, { kind: "float", value: Number.POSITIVE_INFINITY }, { kind: "float", value: Number.NEGATIVE_INFINITY }];
    expect(new Set(distinct.map(nixFingerprint)).size).toBe(distinct.length);
  });
});
