/**
 * Located positions carried over: when a run misses the record (a file changed), a warning in a
 * file whose bytes are unchanged keeps the position the record gives it, without the parser that
 * finds positions; a warning in a file that changed is located again. A record whose positions
 * were moved to a line the file does not have shows which is which.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plannedRun, type PlannedRun } from "../../generators/cache/cached-run.ts";
import { parseRecord } from "../../generators/cache/run-record.ts";
import { writeRecord } from "../../generators/cache/run-store.ts";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { recordOf, writeCacheFleet } from "./support/cache-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

/** A line and column no file of the fleet has. */
const MOVED = { line: 99, column: 9 };

/** Move every recorded position to {@link MOVED}, keeping the record intact and current. */
const movePositions = async (root: string): Promise<void> => {
  const record = parseRecord(await readFile(recordOf(root)));
  if (!record) throw new Error(`no intact record for ${root}`);
  const diagnostics = record.diagnostics.map((diagnostic) => ({ ...diagnostic, location: MOVED }));
  await writeRecord(recordOf(root), { ...record, diagnostics });
};

/** The fleet after a first run (returned too), its record's positions moved, and then `edit` applied to the file `path`. */
const fleetAfter = async (path: string, edit: (text: string) => string, before?: (root: string) => Promise<void>): Promise<{ root: string; first: PlannedRun }> => {
  const root = await writeCacheFleet();
  fleets.push(root);
  await before?.(root);
  const first = await plannedRun(root, { reuse: true });
  await movePositions(root);
  await writeFile(join(root, path), edit(await readFile(join(root, path), "utf8")));
  return { root, first };
};

/** Where the warning about the missing sops file is shown. */
const sopsWarning = (run: PlannedRun) => {
  const warning = run.diagnostics.find((diagnostic) => diagnostic.origin.file === "typeflake.config.ts");
  return warning && { line: warning.location?.line, column: warning.location?.column };
};

describe("positions located by an earlier run", () => {
  it("are kept for a warning in a file that did not change", async () => {
    const { root } = await fleetAfter("hosts/alpha/host.ts", (text) => text.replace(`pkg("htop")`, `pkg("git")`));
    expect(sopsWarning(await plannedRun(root, { reuse: true }))).toEqual(MOVED);
  });

  it("are found again in a file that changed", async () => {
    const { root, first } = await fleetAfter("typeflake.config.ts", (text) => `// moved one line down\n${text}`);
    const before = sopsWarning(first);
    expect(before?.line).toBeGreaterThan(1);
    expect(sopsWarning(await plannedRun(root, { reuse: true }))).toEqual({ line: before!.line! + 1, column: before!.column });
  });

  it("are kept for a warning validation found (located as the fleet loads)", async () => {
    // An integer JavaScript may have rounded: a warning of validation, not of a later check.
    const roundedInteger = async (root: string) => {
      const beta = join(root, "hosts/beta/host.ts");
      await writeFile(beta, (await readFile(beta, "utf8")).replace(`packages:`, `nixos: { boot: { kernel: { sysctl: { "kernel.x": 9007199254740993 } } } },\n  packages:`));
    };
    const { root, first } = await fleetAfter("hosts/alpha/host.ts", (text) => text.replace(`pkg("htop")`, `pkg("git")`), roundedInteger);
    expect(first.diagnostics.map((diagnostic) => diagnostic.code)).toContain("unsafe-integer");
    const run = await plannedRun(root, { reuse: true });
    expect(run.diagnostics.find((diagnostic) => diagnostic.code === "unsafe-integer")?.location).toMatchObject(MOVED);
  });

  it("are not used with --no-cache", async () => {
    const { root, first } = await fleetAfter("hosts/alpha/host.ts", (text) => text.replace(`pkg("htop")`, `pkg("git")`));
    expect(sopsWarning(await plannedRun(root, { reuse: false }))).toEqual(sopsWarning(first));
  });
});
