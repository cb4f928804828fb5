/**
 * The record on disk is never trusted blindly: a record cut short, corrupted, garbled or of
 * another format is ignored (and replaced by the next run); a run with errors records nothing;
 * a record is replaced whole, and what a killed writer left behind is cleaned up.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plannedRun } from "../../generators/cache/cached-run.ts";
import { parseRecord } from "../../generators/cache/run-record.ts";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { fromRecord, poisonRecord, recordOf, writeCacheFleet } from "./support/cache-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

const poisonedFleet = async (): Promise<string> => {
  const root = await writeCacheFleet();
  fleets.push(root);
  await plannedRun(root, { reuse: true });
  await poisonRecord(root);
  return root;
};

describe("the run record", () => {
  const damages: readonly [string, (text: string) => string][] = [
    ["cut short", (text) => text.slice(0, Math.floor(text.length / 2))],
    ["cut after its checksum", (text) => text.slice(0, text.indexOf("\n", text.indexOf("\n") + 1) + 1)],
    // Still JSON, still the same length: only the checksum tells.
    ["changed in one character of a planned file", (text) => text.replace("taken from the record", "taken from the recorD")],
    ["given a wrong checksum", (text) => text.replace(/\n[0-9a-f]{64}\n/, `\n${"0".repeat(64)}\n`)],
    ["of another format", (text) => text.replace("typeflake run record 1", "typeflake run record 0")],
    ["empty", () => ""],
    ["not a record at all", () => "\u0000\u0001garbage"],
  ];

  it.each(damages)("is ignored when %s, and replaced by the run", async (_, damage) => {
    const root = await poisonedFleet();
    const file = recordOf(root);
    await writeFile(file, damage(await readFile(file, "utf8")));
    const run = await plannedRun(root, { reuse: true });
    expect(fromRecord(run)).toBe(false);
    expect(run.plan?.files.length).toBe(6);
    expect(parseRecord(await readFile(file))?.plan).toEqual(run.plan);
  });

  it("is not written by a run with errors, nor replaced by one", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    const host = join(root, "hosts/alpha/host.ts");
    const valid = await readFile(host, "utf8");
    await writeFile(host, valid.replace(`"10.0.0.1"`, `"not an address"`));
    const failed = await plannedRun(root, { reuse: true });
    expect(failed.plan).toBeUndefined();
    await expect(stat(recordOf(root))).rejects.toThrow(/ENOENT/);

    await writeFile(host, valid);
    await plannedRun(root, { reuse: true });
    const recorded = await readFile(recordOf(root), "utf8");
    await writeFile(host, valid.replace(`"10.0.0.1"`, `"not an address"`));
    expect((await plannedRun(root, { reuse: true })).plan).toBeUndefined();
    expect(await readFile(recordOf(root), "utf8")).toBe(recorded);
  });

  it("is replaced whole: no temporary file stays, and a killed writer's is removed", async () => {
    const root = await poisonedFleet();
    const folder = dirname(recordOf(root));
    // A pid no process has (above Linux's pid_max).
    const abandoned = join(folder, "write-4194999-0123456789ab");
    await writeFile(abandoned, "half a record");
    await plannedRun(root, { reuse: false });
    expect((await readdir(folder)).sort()).toEqual([recordOf(root).slice(folder.length + 1)]);
  });

  it("lives in the fleet's node_modules/.cache/typeflake/", async () => {
    const root = await poisonedFleet();
    expect(dirname(recordOf(root))).toBe(join(root, "node_modules", ".cache", "typeflake"));
  });
});
