/**
 * What fleet code reads of the machine by itself while it loads (a key file, a folder's listing,
 * whether a file exists, an environment variable) is part of what a run depends on: after a
 * first run records the fleet (and the record is poisoned, see `cache-fleet.ts`), an untouched
 * machine gets the record back and each change to one of those reads gets a fresh plan showing
 * it. A load that runs a program is never recorded, and the process is Node's own again after
 * every load.
 */
import fs, { readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { plannedRun } from "../../generators/cache/cached-run.ts";
import { removeFleet, writeFleet, type FleetFiles } from "../diagnostics/support/temp-fleet.ts";
import { fromRecord, plannedText, poisonRecord, recordOf } from "./support/cache-fleet.ts";

const TEAM_VARIABLE = "TYPEFLAKE_TEST_TEAM";
const ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH08pSdEvSu0vbNRyOe4bD9zt2YlbdZEKIFkUqSeayPI alice@laptop";
const BOB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINnokO0GPPKjVoQCGqrnAUzvEeNNu7EaHub2/S/8S5cJ bob@laptop";

/** A host whose admin's keys are the files in keys/, whose description reads a file and the environment, and which has htop only when extra.txt exists. */
const HOST = `import { defineHost, pkg } from "typeflake";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const keys = join(import.meta.dirname, "../../keys");
const motd = await readFile(join(import.meta.dirname, "../../motd.txt"), "utf8");

export default defineHost({
  address: "10.0.0.1",
  hardware: "./hardware.nix",
  ...(existsSync(join(import.meta.dirname, "extra.txt")) && { packages: [pkg("htop")] }),
  users: {
    admin: {
      description: motd.trim() + " for " + (process.env["${TEAM_VARIABLE}"] ?? "nobody") + " in " + Intl.DateTimeFormat().resolvedOptions().timeZone + " with " + process.argv.length + " arguments",
      sshKeys: readdirSync(keys).sort().map((name) => readFileSync(join(keys, name), "utf8").trim()),
    },
  },
});
`;

const FLEET: FleetFiles = {
  "typeflake.config.ts": `import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Observed reads",
  inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" }, "deploy-rs": { url: "github:serokell/deploy-rs" } },
});
`,
  "hosts/alpha/host.ts": HOST,
  "hosts/alpha/hardware.nix": "{ ... }: { }\n",
  "keys/alice.pub": `${ALICE}\n`,
  "motd.txt": "Welcome\n",
  // A node_modules of its own: the record stays in this fleet's folder.
  node_modules: null,
};

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));
const zone = process.env["TZ"];
const commandLine = [...process.argv];
afterEach(() => {
  process.argv.splice(0, process.argv.length, ...commandLine);
  delete process.env[TEAM_VARIABLE];
  if (zone === undefined) delete process.env["TZ"];
  else process.env["TZ"] = zone;
});

const HOST_NIX = "hosts/alpha/default.nix";

/** The fleet, run once (recorded) and its record poisoned. */
const recordedFleet = async (): Promise<string> => {
  const root = await writeFleet(FLEET);
  fleets.push(root);
  const first = await plannedRun(root, { reuse: true });
  expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(plannedText(first, HOST_NIX)).toContain(ALICE);
  await poisonRecord(root);
  return root;
};

const rerun = (root: string) => plannedRun(root, { reuse: true });

describe("what fleet code reads by itself", () => {
  it("is recorded: nothing changed, the record is reused", async () => {
    const root = await recordedFleet();
    expect(fromRecord(await rerun(root))).toBe(true);
  });

  const changes: readonly [string, (root: string) => Promise<unknown>, string][] = [
    ["a file it reads (a key)", (root) => writeFile(join(root, "keys/alice.pub"), `${BOB}\n`), BOB],
    ["a file it reads with fs/promises", (root) => writeFile(join(root, "motd.txt"), "Hello\n"), "Hello for nobody"],
    ["a folder it lists (a new key)", (root) => writeFile(join(root, "keys/bob.pub"), `${BOB}\n`), BOB],
    ["a file it tests for (now there)", (root) => writeFile(join(root, "hosts/alpha/extra.txt"), ""), "htop"],
    ["an environment variable it reads (now set)", async () => (process.env[TEAM_VARIABLE] = "ops"), "Welcome for ops"],
    ["the command line it reads", async () => process.argv.push("--typeflake-test-flag"), `with ${process.argv.length + 1} arguments`],
    ["the time zone, which Intl takes from TZ without asking process.env", async () => (process.env["TZ"] = "Asia/Tokyo"), "in Asia/Tokyo"],
  ];

  it.each(changes)("runs the pipeline again after a change to %s", async (_, change, shows) => {
    const root = await recordedFleet();
    await change(root);
    const run = await rerun(root);
    expect(fromRecord(run)).toBe(false);
    expect(plannedText(run, HOST_NIX)).toContain(shows);
  });

  it("runs the pipeline again when a folder it lists is gone (and the load fails)", async () => {
    const root = await recordedFleet();
    await rm(join(root, "keys"), { recursive: true });
    const run = await rerun(root);
    expect(run.plan).toBeUndefined();
    expect(run.diagnostics.map((d) => d.code)).toContain("load-error");
  });

  it("keeps hashes in the record, never what was read: no key, no environment variable's value", async () => {
    process.env[TEAM_VARIABLE] = "a-secret-team-name";
    const root = await recordedFleet();
    const record = await readFile(recordOf(root), "utf8");
    const json = record.slice(0, record.indexOf("\n", record.indexOf("{")));
    expect(json).toContain(`"env:${TEAM_VARIABLE}"`);
    expect(json).not.toContain("a-secret-team-name");
    expect(json).not.toContain("AAAAC3NzaC1lZDI1NTE5AAAAIH08");
  });

  it("leaves Node's fs and process.env, the working folder and the mask as they were once the fleet has loaded", async () => {
    const before = { readFileSync: fs.readFileSync, env: process.env, cwd: process.cwd(), umask: process.umask(0o022) };
    process.umask(before.umask);
    const root = await writeFleet({ ...FLEET, "hosts/alpha/host.ts": HOST.replace(`const keys =`, `process.umask(0);\nprocess.chdir("/");\nconst keys =`) });
    fleets.push(root);
    expect((await plannedRun(root, { reuse: true })).plan).toBeDefined();
    expect(fs.readFileSync).toBe(before.readFileSync);
    expect(readFileSync).toBe(before.readFileSync);
    expect(process.env).toBe(before.env);
    expect(process.cwd()).toBe(before.cwd);
    expect(process.umask(0o022)).toBe(before.umask);
    process.umask(before.umask);
  });
});

describe("a load that does what no observation describes", () => {
  /** Each: what the host file does at its top level, after its imports. */
  const effects: readonly [string, string][] = [
    ["runs a program", `(await import("node:child_process")).execFileSync("true");`],
    ["fetches", `await fetch("http://127.0.0.1:9/").catch(() => undefined);`],
    ["opens a connection with node:https", `(await import("node:https")).get("https://127.0.0.1:9/").on("error", () => undefined);`],
    ["connects a socket itself", `new (await import("node:net")).Socket().connect(9, "127.0.0.1").on("error", () => undefined).destroy();`],
    ["starts a worker thread", `await new (await import("node:worker_threads")).Worker("0", { eval: true }).terminate();`],
    ["asks the machine's uptime", `(await import("node:os")).uptime();`],
    ["reads standard input", `try { (await import("node:fs")).readFileSync(0); } catch {}`],
    ["reads a device (never read to its end by typeflake)", `const fs = await import("node:fs");\nfs.closeSync(fs.openSync("/dev/urandom", "r"));`],
    ["imports by a pattern (esbuild bundles the files that match then)", `await import(\`../../\${process.env["${TEAM_VARIABLE}"] ?? "motd"}.txt\`);`],
    ["writes the disk (a reused result would not write it again)", `await (await import("node:fs/promises")).mkdir(join(import.meta.dirname, "made"), { recursive: true });`],
  ];

  it.each(effects)("is never recorded when it %s: the cache cannot see what it depends on", async (_, effect) => {
    const root = await writeFleet({ ...FLEET, "hosts/alpha/host.ts": HOST.replace(`const keys =`, `${effect}\nconst keys =`) });
    fleets.push(root);
    expect((await plannedRun(root, { reuse: true })).plan).toBeDefined();
    await expect(readFile(recordOf(root))).rejects.toThrow();
  });
});
