/**
 * Fleet files and folders that are not what their names promise: a host.ts that is a folder, a
 * dangling link, a link loop or a named pipe; a host folder that is a link leading nowhere; a
 * `hosts` written as a file; two modules whose names
 * differ only in case; a hardware file named like the file typeflake generates; a host folder whose
 * name cannot be a host name. Each is reported once, where it is, with nothing planned, and none
 * makes the run wait.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { error, type Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { nearestFleetRoot } from "../../generators/cli/find-fleet-root.ts";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { readRegularFile } from "../../generators/read-regular-file.ts";
import { BASE_FLEET, fleetFile, hostFile, moduleFile, WITH_SECRETS } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet, type FleetFiles } from "../diagnostics/support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

const fleetDir = async (files: FleetFiles): Promise<string> => {
  const root = await writeFleet(files);
  roots.push(root);
  return root;
};

/** The base fleet with `hosts/nas/host.ts` replaced by what `make` puts at its absolute path. */
const withHostFile = async (make: (path: string) => Promise<unknown>): Promise<string> => {
  const root = await fleetDir({ ...BASE_FLEET, "hosts/nas/host.ts": undefined, "hosts/nas": null });
  await make(join(root, "hosts/nas/host.ts"));
  return root;
};

/** The errors of a pipeline run, as code, file and data: what a user and a tool are told. */
const errorsOf = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((diagnostic) => diagnostic.severity === "error").map(({ code, origin, data }) => ({ code, file: origin.file, data }));

describe("a fleet file that is not a readable file", () => {
  it.each([
    ["a folder", (path: string) => mkdir(path), { kind: "folder" }],
    ["a dangling symbolic link", (path: string) => symlink("/nonexistent/host.ts", path), { kind: "dangling-link", target: "/nonexistent/host.ts" }],
    ["a symbolic link loop", (path: string) => symlink("host.ts", path), { kind: "link-loop" }],
  ])("host.ts that is %s is reported as such, not as a host folder without host.ts", async (_, make, problem) => {
    const result = await runPipeline(await withHostFile(make));
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "unreadable-path", file: "hosts/nas/host.ts", data: { expected: "file", problem } }]);
  });

  it.each([
    ["a named pipe", (path: string) => Promise.resolve(execFileSync("mkfifo", [path])), { kind: "special", what: "a named pipe (FIFO)" }],
    ["a dangling symbolic link", (path: string) => symlink("/nonexistent/typeflake.config.ts", path), { kind: "dangling-link", target: "/nonexistent/typeflake.config.ts" }],
  ])("typeflake.config.ts that is %s is the fleet's, reported as such, not as no fleet at all", async (_, make, problem) => {
    const root = await fleetDir({ ...BASE_FLEET, "typeflake.config.ts": undefined });
    await make(join(root, "typeflake.config.ts"));
    expect(nearestFleetRoot(join(root, "hosts/nas"))).toBe(root);
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "unreadable-path", file: "typeflake.config.ts", data: { expected: "file", problem } }]);
  });

  it("answers at once for a named pipe where host.ts or a module should be, instead of waiting for a writer", { timeout: 20_000 }, async () => {
    const root = await withHostFile(async (path) => execFileSync("mkfifo", [path]));
    execFileSync("mkfifo", [join(root, "modules/extra.ts")]);
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([
      { code: "unreadable-path", file: "hosts/nas/host.ts", data: { expected: "file", problem: { kind: "special", what: "a named pipe (FIFO)" } } },
      { code: "unreadable-path", file: "modules/extra.ts", data: { expected: "file", problem: { kind: "special", what: "a named pipe (FIFO)" } } },
    ]);
    expect(readRegularFile(join(root, "modules/extra.ts"))).toBeUndefined();
  });

  it.each([
    ["dangling", (path: string) => symlink("/nonexistent/nas", path), { kind: "dangling-link", target: "/nonexistent/nas" }],
    ["looping", (path: string) => symlink("nas", path), { kind: "link-loop" }],
  ])("reports a %s link standing for a host folder, instead of generating the fleet without that host", async (_, make, problem) => {
    const root = await fleetDir({ ...BASE_FLEET, "hosts/nas/host.ts": undefined, hosts: null });
    await make(join(root, "hosts/nas"));
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "unreadable-path", file: "hosts/nas/", data: { expected: "folder", problem } }]);
  });

  it("reports a hosts written as a file, instead of generating a fleet without hosts", async () => {
    const root = await fleetDir({ "typeflake.config.ts": BASE_FLEET["typeflake.config.ts"], hosts: "nas\n" });
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "unreadable-path", file: "hosts/", data: { expected: "folder", problem: { kind: "file" } } }]);
  });

  it("reports a hosts that cannot be listed once, not again as each reference to one of its hosts", async () => {
    const root = await fleetDir({
      "typeflake.config.ts": fleetFile(
        WITH_SECRETS.replace('"sops-nix"', '"home-manager": { url: "github:nix-community/home-manager", follows: { nixpkgs: "nixpkgs" } },\n    "sops-nix"').replace(
          "secrets: {",
          'secrets: { hostKeys: { nas: "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j" },',
        ),
      ),
      "modules/common.ts": `import { defineModule, host } from "typeflake";\n\nexport default defineModule({\n  description: "Common",\n  nixos: { networking: { extraHosts: host("nas") } },\n});\n`,
      "homes/alice.ts": `import { defineHome } from "typeflake";\n\nexport default defineHome({ stateVersion: "24.11" });\n`,
      "homes/bob.ts": `import { defineHome } from "typeflake";\n\nexport default defineHome({ stateVersion: "24.11" });\n`,
      "homes/bob@nas.ts": `import { defineHome } from "typeflake";\n\nexport default defineHome({ stateVersion: "24.11" });\n`,
      hosts: "nas\n",
    });
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    // No "unknown host" for the host key, host("nas") and bob@nas; no "alice is used nowhere".
    expect(result.diagnostics.map(({ severity, code, origin }) => ({ severity, code, file: origin.file }))).toEqual([{ severity: "error", code: "unreadable-path", file: "hosts/" }]);
  });

  it("reports a modules that cannot be listed once, not again as each module a host uses", async () => {
    const root = await fleetDir({ ...BASE_FLEET, "modules/common.ts": undefined, modules: "common\n" });
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "unreadable-path", file: "modules/", data: { expected: "folder", problem: { kind: "file" } } }]);
  });

  it("words every kind of problem with what was found and what to do", () => {
    const words = (expected: "file" | "folder", problem: Parameters<typeof error<"unreadable-path">>[2]["problem"]) =>
      messageOf(error("unreadable-path", { file: "hosts/nas/host.ts", objectPath: [] }, { expected, problem }));
    expect(words("file", { kind: "unreadable", code: "EACCES" })).toBe("cannot be read (EACCES); give the user running typeflake permission to read it (chmod u+r)");
    expect(words("folder", { kind: "unreadable", code: "EACCES" })).toBe("cannot be listed (EACCES); give the user running typeflake permission to list it (chmod u+rx)");
    expect(words("file", { kind: "unreadable", code: "EIO" })).toBe("cannot be read (EIO); check the disk, then run again");
    expect(words("file", { kind: "special", what: "a named pipe (FIFO)" })).toBe("is a named pipe (FIFO), not a regular file; replace it with the file");
    expect(words("file", { kind: "dangling-link", target: "../x.ts" })).toBe(
      'is a symbolic link to "../x.ts", which does not exist; point the link at an existing file, or replace it with the file',
    );
  });
});

describe("fleet files whose paths differ only in letter case", () => {
  it("loads each file as itself: the later twin is reported and left out, not read as the first one", async () => {
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  modules: ["common", "Common"],`),
      "modules/Common.ts": moduleFile(`  timeZone: "Europe/Paris",`),
    });
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([{ code: "case-twin", file: "modules/common.ts", data: { twin: "modules/Common.ts" } }]);
  });
});

describe("a hand-kept path that names a file typeflake generates", () => {
  it("is refused where it is written, before a --force could replace the user's file", async () => {
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  modules: ["common"],\n  hardware: "./default.nix",\n  imports: ["../../flake.nix"],`),
      "hosts/nas/default.nix": "{ ... }: { boot.loader.grub.device = \"/dev/sda\"; }\n",
    });
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics)).toEqual([
      { code: "names-generated-file", file: "hosts/nas/host.ts", data: { written: "./default.nix", resolved: "hosts/nas/default.nix", source: "hosts/nas/host.ts", itself: true } },
      { code: "names-generated-file", file: "hosts/nas/host.ts", data: { written: "../../flake.nix", resolved: "flake.nix", source: "typeflake.config.ts", itself: false } },
    ]);
    expect(messageOf(result.diagnostics.find((diagnostic) => diagnostic.code === "names-generated-file")!)).toContain("and it would import itself");
  });
});

describe("a host folder whose name cannot be a host name", () => {
  it("is reported once, at the host, not again as an unprintable path of the flake", async () => {
    const root = await fleetDir({ ...BASE_FLEET });
    await rm(join(root, "hosts/nas"), { recursive: true });
    await mkdir(join(root, "hosts/my nas"), { recursive: true });
    await writeFile(join(root, "hosts/my nas/host.ts"), hostFile(`  address: "10.0.20.10",\n  modules: ["common"],`));
    const result = await runPipeline(root);
    expect(result.plan).toBeUndefined();
    expect(errorsOf(result.diagnostics).map(({ code, file }) => ({ code, file }))).toEqual([{ code: "invalid-name", file: "hosts/my nas/host.ts" }]);
  });
});

describe("typeflake's state folder that is no folder", () => {
  it("is said once, before any command runs, with what to do, and nothing is written", async () => {
    const root = await fleetDir({ ...BASE_FLEET, ".typeflake": "not a folder\n" });
    const run = runTypeflake(["generate"], root);
    expect(run.status, describeRun(["generate"], run)).toBe(1);
    expect(run.stderr).toBe(`typeflake: .typeflake in ${root} is a file, where typeflake keeps the fleet's state (the manifest of generated files, the option index, the lock); move it away, and typeflake makes the folder again\n`);
    await expect(readFile(join(root, "flake.nix"), "utf8")).rejects.toThrow();
  });
});

