/**
 * Loading and validating a fleet never loads ts-morph (and the TypeScript compiler inside it),
 * not even to locate a diagnostic in the source: that is Babel's parser's job, a tenth of the
 * cost. Each case runs in a fresh Node process started the way the CLI is, so nothing else in the
 * test run can have loaded ts-morph first.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hostFile } from "./support/fleet-text.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";
import { BASE_FLEET } from "./support/fleet-text.ts";

const PROBE = fileURLToPath(new URL("./support/lazy-probe.mjs", import.meta.url));
// The reference homelab: the repository's own fleet, loaded where it is (loading writes nothing).
const HOMELAB = fileURLToPath(new URL("../../", import.meta.url));

interface ProbeResult {
  readonly fleet: boolean;
  readonly diagnostics: number;
  readonly tsMorphLoaded: boolean;
}

const probe = (root: string): ProbeResult => JSON.parse(execFileSync(process.execPath, [PROBE, root], { encoding: "utf8" }));

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

describe("ts-morph is loaded lazily", () => {
  it("is not loaded when a valid fleet (the reference homelab, 10 files) loads and validates", () => {
    const result = probe(HOMELAB);
    // Speed is the benchmark's to measure (npm run bench), never a unit test's: no time bound here.
    expect(result).toMatchObject({ fleet: true, diagnostics: 0, tsMorphLoaded: false });
  });

  it("is not loaded either when there is a diagnostic to locate", async () => {
    const root = await writeFleet({ ...BASE_FLEET, "hosts/nas/host.ts": hostFile(`  address: "10.0.20.300",`) });
    roots.push(root);
    expect(probe(root)).toMatchObject({ fleet: false, diagnostics: 1, tsMorphLoaded: false });
  });
});
