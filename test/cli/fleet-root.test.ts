/**
 * Every command finds its fleet from any folder inside it, as git does: the nearest
 * typeflake.config.ts upwards, unless `-C` names the root. Commands run as real processes from
 * `hosts/nas/` of a scaffolded fleet, and every file they name is relative to the fleet root.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFleetRoot, FleetRootNotFound, nearestFleetRoot } from "../../generators/cli/find-fleet-root.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { createFakes } from "../nix-cli/support/fakes.ts";
import { scaffoldedFleet } from "./support/scaffolded-fleet.ts";
import { describeRun, runTypeflake } from "./support/typeflake-process.ts";

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map(removeFleet)));

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  throw new Error("expected an error");
};

describe("finding the fleet root", () => {
  let outside: string;
  beforeAll(async () => {
    // Under the system's temporary folder: no typeflake.config.ts above it, unlike test/.tmp/.
    outside = await writeFleet({ "fleet/typeflake.config.ts": "", "fleet/hosts/nas/host.ts": "", "loose/a/b": null }, tmpdir());
    cleanup.push(outside);
  });

  it("is the nearest folder upwards holding typeflake.config.ts", () => {
    const fleet = join(outside, "fleet");
    expect(nearestFleetRoot(join(fleet, "hosts/nas"))).toBe(fleet);
    expect(nearestFleetRoot(fleet)).toBe(fleet);
    expect(findFleetRoot(join(fleet, "hosts"))).toBe(fleet);
    expect(nearestFleetRoot(join(outside, "loose/a/b"))).toBeUndefined();
  });

  it("is the folder -C names, relative to the working directory, wherever the command runs", () => {
    expect(findFleetRoot(join(outside, "loose/a"), "../../fleet")).toBe(join(outside, "fleet"));
  });

  it("says truthfully where it looked when there is none, and what to do", () => {
    const cwd = join(outside, "loose/a/b");
    const error = thrown(() => findFleetRoot(cwd));
    expect(error).toBeInstanceOf(FleetRootNotFound);
    expect((error as Error).message).toBe(`no typeflake.config.ts in ${cwd} or any parent folder; run \`typeflake init\` to create a fleet, or pass -C <dir>`);
    // -C names the root itself: a folder inside a fleet is not one.
    const given = thrown(() => findFleetRoot(cwd, "../../../fleet/hosts"));
    expect((given as Error).message).toBe(
      `no typeflake.config.ts in ${join(outside, "fleet/hosts")} (given with -C); pass -C the folder that holds the fleet's typeflake.config.ts, or run \`typeflake init ../../../fleet/hosts\` to create a fleet there`,
    );
  });

  it("quotes a -C folder for the shell in the command it suggests", () => {
    expect((thrown(() => findFleetRoot(outside, "my fleet")) as Error).message).toContain("run `typeflake init 'my fleet'` to create a fleet there");
  });

  it("says a -C that names a file is no folder, and for the fleet's own typeflake.config.ts, names its folder", () => {
    const config = join(outside, "fleet", "typeflake.config.ts");
    expect((thrown(() => findFleetRoot(outside, "fleet/typeflake.config.ts")) as Error).message).toBe(
      `${config} (given with -C) is a file, not a folder; pass -C its folder: -C fleet`,
    );
    expect((thrown(() => findFleetRoot(join(outside, "fleet"), "hosts/nas/host.ts")) as Error).message).toBe(
      `${join(outside, "fleet/hosts/nas/host.ts")} (given with -C) is a file, not a folder; pass -C the folder that holds the fleet's typeflake.config.ts`,
    );
  });

  it("does not take a folder named typeflake.config.ts for the file", async () => {
    const root = await writeFleet({ "typeflake.config.ts/x": "", "sub/y": "" }, tmpdir());
    cleanup.push(root);
    expect(nearestFleetRoot(join(root, "sub"))).toBeUndefined();
  });
});

describe("commands run from hosts/nas/ of a fleet", () => {
  let root: string;
  let nas: string;
  beforeAll(async () => {
    root = await scaffoldedFleet({ host: "nas", address: "10.0.20.10" });
    cleanup.push(root);
    nas = join(root, "hosts/nas");
  });

  it("generate writes the whole fleet's flake at its root and names the files from there", () => {
    const run = runTypeflake(["generate"], nas);
    expect(run.status, describeRun(["generate"], run)).toBe(0);
    expect(run.stderr).toContain(
      "created: INVENTORY.md\ncreated: flake.nix\ncreated: hosts/nas/default.nix\nGenerated files: 3 created, 0 updated, 0 unchanged, 0 removed.\n",
    );
    // Whatever else it says (git tracking them, say) names them from the root too.
    expect(run.stderr).not.toMatch(/\.\.\/|(?<![\w/])nas\/default\.nix|(?<![\w/.])default\.nix/);
    expect(existsSync(join(root, "flake.nix"))).toBe(true);
    expect(existsSync(join(nas, "flake.nix"))).toBe(false);
  });

  it("generate --check passes, and names a drifted file from the root", () => {
    const ok = runTypeflake(["generate", "--check"], nas);
    expect(ok.status, describeRun(["generate", "--check"], ok)).toBe(0);
    expect(ok.stdout).toBe("Generated files are up to date (3 files).\n");

    const generated = join(nas, "default.nix");
    const text = readFileSync(generated, "utf8");
    rmSync(generated);
    try {
      const drift = runTypeflake(["generate", "--check"], nas);
      expect(drift.status, describeRun(["generate", "--check"], drift)).toBe(1);
      expect(drift.stdout).toContain("+++ b/hosts/nas/default.nix\n");
      expect(drift.stdout).toContain("missing: hosts/nas/default.nix (from hosts/nas/host.ts)\n");
    } finally {
      writeFileSync(generated, text);
    }
  });

  it("inventory writes INVENTORY.md at the root", () => {
    rmSync(join(root, "INVENTORY.md"));
    const run = runTypeflake(["inventory"], nas);
    expect(run.status, describeRun(["inventory"], run)).toBe(0);
    expect(run.stderr).toContain("created: INVENTORY.md\n");
    expect(existsSync(join(root, "INVENTORY.md"))).toBe(true);
    expect(existsSync(join(nas, "INVENTORY.md"))).toBe(false);
  });

  it("a nix command runs in the fleet's folder, and shows how to run it from the user's", () => {
    const fakes = createFakes(join(root, ".fakes"), { "nixos-rebuild": {} });
    const run = runTypeflake(["build", "nas"], nas, fakes.env());
    expect(run.status, describeRun(["build", "nas"], run)).toBe(0);
    expect(fakes.calls()).toEqual([{ tool: "nixos-rebuild", phase: "start", cwd: root, argv: ["build", "--flake", ".#nas"] }]);
    expect(run.stderr).toContain("$ cd ../.. && nixos-rebuild build --flake '.#nas'\n");
  });

  it("diagnostics name the host file from the root, as text and as JSON, and nothing is written", () => {
    const hostFile = join(nas, "host.ts");
    const text = readFileSync(hostFile, "utf8");
    writeFileSync(hostFile, text.replace('timeZone: "UTC"', "timeZone: 5"));
    const before = readFileSync(join(root, "flake.nix"), "utf8");
    try {
      const run = runTypeflake(["generate"], nas);
      expect(run.status, describeRun(["generate"], run)).toBe(1);
      expect(run.stderr).toMatch(/^hosts\/nas\/host\.ts:\d+:3 error timeZone: must be a string, got 5$/m);
      const json = runTypeflake(["generate", "--json"], nas);
      expect(json.status).toBe(1);
      const records = JSON.parse(json.stdout) as { file: string; code: string }[];
      expect(records.length).toBeGreaterThan(0);
      expect(records.filter((record) => record.file !== "hosts/nas/host.ts")).toEqual([]);
      expect(readFileSync(join(root, "flake.nix"), "utf8")).toBe(before);
    } finally {
      writeFileSync(hostFile, text);
    }
  });

  it("--json holds why the files were not written or compared (a hand-written file in the way), not an empty list beside exit 1", () => {
    const flake = join(root, "flake.nix");
    const generated = readFileSync(flake, "utf8");
    writeFileSync(flake, "{ outputs = _: { }; }\n");
    try {
      for (const args of [["generate", "--json"], ["generate", "--eval", "--json"], ["generate", "--check", "--json"]]) {
        const run = runTypeflake(args, nas);
        expect(run.status, describeRun(args, run)).toBe(1);
        // The scaffold's warnings (its deploy account is left to the user to declare) stand beside the reason.
        const errors = (JSON.parse(run.stdout) as { severity: string }[]).filter((record) => record.severity === "error");
        expect(errors).toEqual([
          expect.objectContaining({ file: "flake.nix", line: null, column: null, severity: "error", code: "hand-written-file", message: expect.stringContaining("--force") }),
        ]);
      }
      expect(readFileSync(flake, "utf8")).toBe("{ outputs = _: { }; }\n");
    } finally {
      writeFileSync(flake, generated);
    }
  });

  it("-C wins over the fleet around the working directory", async () => {
    const other = await scaffoldedFleet({ host: "box", address: "10.0.0.2" });
    cleanup.push(other);
    const run = runTypeflake(["-C", other, "generate"], nas);
    expect(run.status, describeRun(["-C", other, "generate"], run)).toBe(0);
    expect(run.stderr).toContain("created: hosts/box/default.nix\n");
    expect(existsSync(join(other, "flake.nix"))).toBe(true);
  });
});

describe("a command outside any fleet", () => {
  it("says there is no fleet here or above, exits 1 and writes nothing", async () => {
    const outside = await writeFleet({ "a/b": null }, tmpdir());
    cleanup.push(outside);
    const cwd = join(outside, "a/b");
    for (const args of [["generate"], ["inventory"], ["build", "nas"]]) {
      const run = runTypeflake(args, cwd);
      expect(run.status, describeRun(args, run)).toBe(1);
      expect(run.stderr).toBe(`typeflake: no typeflake.config.ts in ${cwd} or any parent folder; run \`typeflake init\` to create a fleet, or pass -C <dir>\n`);
    }
    mkdirSync(join(cwd, "x"));
    expect(runTypeflake(["generate"], join(cwd, "x")).stderr).toContain(`in ${join(cwd, "x")} or any parent folder`);
  });

  it("still answers what needs no fleet: --version (from typeflake's own package.json) and init", async () => {
    const outside = await writeFleet({}, tmpdir());
    cleanup.push(outside);
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const shown = runTypeflake(["--version"], outside);
    expect(shown.status, describeRun(["--version"], shown)).toBe(0);
    expect(shown.stdout).toBe(`${version}\n`);
    const init = runTypeflake(["init", "fleet"], outside);
    expect(init.status, describeRun(["init", "fleet"], init)).toBe(0);
    expect(existsSync(join(outside, "fleet/typeflake.config.ts"))).toBe(true);
  });
});
