/**
 * The one bundle esbuild reads natively: `import.meta` still names the file the user wrote, and
 * every file it compiled is recorded with the hash of its bytes, helpers new to the run included.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentHash } from "../../generators/emit/manifest.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { loadFleetModules, startFleetBundle } from "../../generators/load/fleet-bundle.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

const fleet = async (): Promise<string> => {
  const root = await writeFleet({
    "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
import { helperFile } from "../../where.ts";
import settings from "../../settings.json";
export const hostFile = import.meta.filename;
export const hostDir = import.meta.dirname;
export const fromHelper = helperFile;
export default defineHost({ address: settings.address });
`,
    "hosts/beta/host.ts": `import { defineHost } from "typeflake";
export default defineHost({ address: "10.0.0.2" });
`,
    "where.ts": `export const helperFile = new URL(import.meta.url).pathname;\n`,
    "settings.json": `{ "address": "10.0.0.1" }\n`,
  });
  fleets.push(root);
  return root;
};

describe("the fleet's one bundle", () => {
  it("keeps import.meta naming each file the user wrote, in hosts and helpers", async () => {
    const root = await fleet();
    const alpha = join(root, "hosts/alpha/host.ts");
    const { modules } = await loadFleetModules(startFleetBundle(root, [alpha, join(root, "hosts/beta/host.ts")]));
    const loaded = modules.get(alpha);
    expect(loaded?.ok).toBe(true);
    const exports = loaded?.ok ? loaded.exports : {};
    expect(exports).toMatchObject({ hostFile: alpha, hostDir: join(root, "hosts/alpha"), fromHelper: join(root, "where.ts") });
  });

  it("records every file it compiled, hashed, though all were written just now and none was known", async () => {
    const root = await fleet();
    const paths = ["hosts/alpha/host.ts", "hosts/beta/host.ts", "where.ts", "settings.json"].map((file) => join(root, file));
    const { read } = await loadFleetModules(startFleetBundle(root, paths.slice(0, 2)));
    const expected = await Promise.all(paths.map(async (path) => [path, contentHash(await readFile(path))] as const));
    expect(new Map([...(read ?? [])].filter(([path]) => path.startsWith(root)))).toEqual(new Map(expected));
  });

  it("keeps esbuild's refusal of a bundle started early for when it is awaited, not an unhandled rejection", async () => {
    const root = await writeFleet({ "hosts/alpha/host.ts": `export default {\n` });
    fleets.push(root);
    const alpha = join(root, "hosts/alpha/host.ts");
    const started = startFleetBundle(root, [alpha]);
    await started.prepared;
    // Long enough for esbuild to refuse the one small file before anything awaits the build.
    await sleep(300);
    const loaded = (await loadFleetModules(started)).modules.get(alpha);
    expect(loaded).toMatchObject({ ok: false, kind: "build" });
  });
});
