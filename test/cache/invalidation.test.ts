/**
 * Nothing stale is ever reused: after a first run records the fleet, the record is poisoned (a
 * marker in every planned file, the record still intact and current). An untouched fleet gets
 * the poisoned plan back — proof that the record is used — and each change to any input the run
 * depends on gets a fresh plan from the pipeline, showing the change where the output shows it.
 */
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeIdentity } from "../../generators/cache/code-identity.ts";
import { plannedRun, type PlannedRun } from "../../generators/cache/cached-run.ts";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { fromRecord, plannedText, poisonRecord, writeCacheFleet } from "./support/cache-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

/** A recorded, poisoned fleet. */
const recordedFleet = async (): Promise<string> => {
  const root = await writeCacheFleet();
  fleets.push(root);
  const first = await plannedRun(root, { reuse: true });
  expect(first.plan, "the fleet generates").toBeDefined();
  await poisonRecord(root);
  return root;
};

const edit = async (path: string, from: string, to: string): Promise<void> => {
  const text = await readFile(path, "utf8");
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
};

const rerun = (root: string): Promise<PlannedRun> => plannedRun(root, { reuse: true });

describe("the run cache", () => {
  it("reuses the record when nothing changed, warnings included", async () => {
    const root = await recordedFleet();
    const run = await rerun(root);
    expect(fromRecord(run)).toBe(true);
    // `secrets: { backend: "sops", defaultFile: …` is line 11; defaultFile starts at column 31.
    expect(run.diagnostics.map((d) => [d.severity, d.origin.file, d.location?.line, d.location?.column])).toEqual([["warning", "typeflake.config.ts", 11, 31]]);
    expect(run.diagnostics).toEqual((await plannedRun(root, { reuse: false })).diagnostics);
  });

  it("does not reuse it with --no-cache, and records the fresh run", async () => {
    const root = await recordedFleet();
    expect(fromRecord(await plannedRun(root, { reuse: false }))).toBe(false);
    await poisonRecord(root);
    expect(fromRecord(await rerun(root))).toBe(true);
  });

  // Each change, and what the fresh plan shows of it (a file and a text it now contains).
  const changes: readonly [string, (root: string) => Promise<unknown>, [string, string]?][] = [
    ["a host file", (root) => edit(join(root, "hosts/alpha/host.ts"), "10.0.0.1", "10.0.0.9"), ["INVENTORY.md", "10.0.0.9"]],
    ["a module", (root) => edit(join(root, "modules/common.ts"), `"UTC"`, `"Europe/Berlin"`), ["modules/common.nix", "Europe/Berlin"]],
    ["the fleet configuration", (root) => edit(join(root, "typeflake.config.ts"), "Cache test fleet", "Renamed fleet"), ["flake.nix", "Renamed fleet"]],
    ["a local helper a host imports", (root) => edit(join(root, "shared.ts"), "Welcome", "Hello"), ["hosts/alpha/default.nix", "Hello (v1)"]],
    ["a file an import without extension now finds first (shared.tsx beside shared.ts)", (root) => writeFile(join(root, "shared.tsx"), `export const motd = "Howdy";\n`), ["hosts/alpha/default.nix", "Howdy (v1)"]],
    ["a JSON file a host imports", (root) => edit(join(root, "ports.json"), "22", "2222"), ["hosts/alpha/default.nix", "2222"]],
    // Node keeps the package this process imported first, so only a new process shows the edit (cli.test.ts).
    ["an imported package's code", (root) => edit(join(root, "node_modules/greeting/index.js"), "(v1)", "(v2)")],
    ["an imported package's version", (root) => edit(join(root, "node_modules/greeting/package.json"), "1.0.0", "1.0.1")],
    ["npm's record of the installed packages", (root) => writeFile(join(root, "node_modules/.package-lock.json"), "{}\n")],
    ["the tsconfig the fleet's tsconfig extends (where an alias points)", (root) => edit(join(root, "tsconfig.base.json"), "title-v1", "title-v2"), ["hosts/alpha/default.nix", "second title"]],
    [
      "a tsconfig new in a host folder, nearer than the fleet's",
      (root) => writeFile(join(root, "hosts/alpha/tsconfig.json"), `{ "compilerOptions": { "baseUrl": "../..", "paths": { "@title": ["./title-v2.ts"] } } }\n`),
      ["hosts/alpha/default.nix", "second title"],
    ],
    ["a package.json new beside the fleet's files", (root) => writeFile(join(root, "package.json"), `{ "type": "module" }\n`)],
    [
      "a new host folder",
      async (root) => {
        await cp(join(root, "hosts/beta"), join(root, "hosts/gamma"), { recursive: true });
        await edit(join(root, "hosts/gamma/host.ts"), "10.0.0.2", "10.0.0.3");
      },
      ["hosts/gamma/default.nix", `networking.hostName = "gamma"`],
    ],
    ["a deleted host folder", (root) => rm(join(root, "hosts/beta"), { recursive: true })],
    ["a renamed host folder", (root) => rename(join(root, "hosts/beta"), join(root, "hosts/delta")), ["hosts/delta/default.nix", `networking.hostName = "delta"`]],
    [
      "the fleet's option schema",
      async (root) => {
        await mkdir(join(root, ".typeflake/options"), { recursive: true });
        await cp(join(import.meta.dirname, "../../dsl/nixos-options/index.json"), join(root, ".typeflake/options/index.json"));
      },
    ],
    ["a path the fleet names (the secrets file now exists)", (root) => mkdir(join(root, "secrets")).then(() => writeFile(join(root, "secrets/secrets.yaml"), "a: b\n"))],
  ];

  it.each(changes)("runs the pipeline again after a change to %s", async (_, change, shows) => {
    const root = await recordedFleet();
    await change(root);
    const run = await rerun(root);
    expect(fromRecord(run)).toBe(false);
    if (shows) expect(plannedText(run, shows[0])).toContain(shows[1]);
  });

  it("runs the pipeline again when a helper a host imports through a symbolic link is pointed elsewhere", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    // shared.ts, the helper alpha imports, becomes a link to one of two versions.
    await rename(join(root, "shared.ts"), join(root, "shared-v1.ts"));
    await writeFile(join(root, "shared-v2.ts"), `export const motd = "Hi from v2";\n`);
    await symlink("shared-v1.ts", join(root, "shared.ts"));
    expect((await plannedRun(root, { reuse: true })).plan).toBeDefined();
    await poisonRecord(root);
    expect(fromRecord(await rerun(root))).toBe(true);
    await rm(join(root, "shared.ts"));
    await symlink("shared-v2.ts", join(root, "shared.ts"));
    const run = await rerun(root);
    expect(fromRecord(run)).toBe(false);
    expect(plannedText(run, "hosts/alpha/default.nix")).toContain("Hi from v2");
  });

  it("runs the pipeline again when a file in hosts/, where no host is loaded from, is edited to call defineHost (and warns)", async () => {
    const root = await recordedFleet();
    const misplaced = (run: PlannedRun) => run.diagnostics.filter((d) => d.code === "misplaced-definition").map((d) => d.origin.file);
    await writeFile(join(root, "hosts/util.ts"), `export const port = 22;\n`);
    // A helper no host imports changes nothing the run read.
    expect(fromRecord(await rerun(root))).toBe(true);
    await writeFile(join(root, "hosts/util.ts"), `import { defineHost } from "typeflake";\n\nexport default defineHost({ address: "10.0.0.7" });\n`);
    const edited = await rerun(root);
    expect([fromRecord(edited), misplaced(edited)]).toEqual([false, ["hosts/util.ts"]]);
    await poisonRecord(root);
    expect(misplaced(await rerun(root))).toEqual(["hosts/util.ts"]);
  });

  it("runs the pipeline again when a path the fleet names is gone (and reports it)", async () => {
    const root = await recordedFleet();
    await rm(join(root, "hosts/alpha/hardware.nix"));
    const run = await rerun(root);
    expect(run.plan).toBeUndefined();
    expect(run.diagnostics.filter((d) => d.severity === "error").map((d) => d.origin.file)).toEqual(["hosts/alpha/host.ts"]);
  });

  it("runs the pipeline again for another typeflake or Node: both are part of the code identity", async () => {
    const before = await codeIdentity();
    const version = process.version;
    Object.defineProperty(process, "version", { value: "v99.0.0", configurable: true });
    try {
      expect(await codeIdentity()).not.toBe(before);
    } finally {
      Object.defineProperty(process, "version", { value: version, configurable: true });
    }
    expect(await codeIdentity()).toBe(before);
  });

  it("records the code identity it is given (a watch's, taken when it started), which another typeflake does not reuse", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    const older = "the identity of the typeflake a watch started with";
    expect((await plannedRun(root, { reuse: true, code: older })).fingerprint?.code).toBe(older);
    await poisonRecord(root);
    expect(fromRecord(await plannedRun(root, { reuse: true, code: older }))).toBe(true);
    expect(fromRecord(await rerun(root))).toBe(false);
  });
});
