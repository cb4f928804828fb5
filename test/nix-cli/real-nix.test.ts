/**
 * eval, flake-check and update with the real nix (2.8 and later): the command lines typeflake
 * builds really work. On a tiny hand-written flake (no inputs, nothing fetched), and on generated
 * example fleets with their inputs overridden by the local stub flakes. Without nix these tests
 * fail, never skip.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { evaluateHosts } from "../../generators/nix-cli/eval-hosts.ts";
import { requireSuccess } from "../../generators/nix-cli/fleet-run.ts";
import { requireNixBinary } from "../support/nix.ts";
import { Collector } from "../support/run-command.ts";
import { runCli } from "./support/cli.ts";
import { printedLines } from "./support/expect-calls.ts";
import { deployTarget } from "./support/fleet.ts";
import { tempDir } from "./support/temp.ts";

beforeAll(() => requireNixBinary("nix"));

const root = tempDir("real-nix");
const env = process.env;
const NIX = "nix --extra-experimental-features 'nix-command flakes'";

// A NixOS-shaped stub: `config` holds plain values, and a system derivation that evaluates
// (and could be built) without nixpkgs.
const TINY_FLAKE = `{
  outputs = { self }: let
    system = name: { config = {
      networking.hostName = name;
      services.samba.settings = {
        global = { security = "user"; "server min protocol" = "SMB2"; };
        "50% off#1" = { path = "/srv/sale"; };
      };
      system.build.toplevel = derivation {
        name = "nixos-system-\${name}"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo > $out" ];
      };
    }; };
  in {
    nixosConfigurations.nas = system "nas";
    nixosConfigurations.compute = system "compute";
    checks = { };
  };
}
`;

const tiny = join(root, "tiny");
mkdirSync(tiny);
writeFileSync(join(tiny, "flake.nix"), TINY_FLAKE);
const tinyFleet = {
  flakeDir: tiny,
  tool: "deploy-rs" as const,
  hosts: [deployTarget("compute", "10.0.20.11", []), deployTarget("nas", "10.0.20.10", [])],
};

describe("eval", () => {
  test.each([
    ["networking.hostName", "nas"],
    ['services.samba.settings.global."server min protocol"', "SMB2"],
    ['services.samba.settings."50% off#1".path', "/srv/sale"],
    ["services.samba.settings.global", { security: "user", "server min protocol": "SMB2" }],
  ])("%s prints nix's JSON on stdout", async (option, value) => {
    const run = await runCli(["eval", "nas", option], { fleet: tinyFleet, env });
    expect(run.stderr).not.toContain("typeflake:");
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(value);
    expect(printedLines(run.stderr)).toHaveLength(1);
    expect(printedLines(run.stderr)[0]).toMatch(
      new RegExp(
        `^${NIX.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")} eval --json '\\.#nixosConfigurations\\.nas\\.config\\.`,
      ),
    );
  });

  test("without an option it evaluates the whole system and prints its derivation", async () => {
    const run = await runCli(["eval", "nas"], { fleet: tinyFleet, env });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatch(/^\/nix\/store\/[a-z0-9]{32}-nixos-system-nas\.drv$/);
  });

  test("nix's own error is shown and the exit code is 1", async () => {
    const run = await runCli(["eval", "nas", "services.nope"], { fleet: tinyFleet, env });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("error: flake 'path:");
    expect(run.stderr).toContain("does not provide attribute");
    expect(run.stderr).toContain("typeflake: nix failed with exit code 1 (its output is above)");
  });
});

describe("flake-check", () => {
  test("passes on a valid flake", async () => {
    const run = await runCli(["flake-check"], { fleet: tinyFleet, env });
    expect(run.exitCode).toBe(0);
    expect(printedLines(run.stderr)).toEqual([`${NIX} flake check`]);
  });

  test("shows nix's error for a broken flake and exits 1", async () => {
    const broken = join(root, "broken");
    mkdirSync(broken);
    writeFileSync(
      join(broken, "flake.nix"),
      TINY_FLAKE.replace('nixosConfigurations.compute = system "compute";', "nixosConfigurations.compute = { };"),
    );
    const run = await runCli(["flake-check"], { fleet: { ...tinyFleet, flakeDir: broken }, env });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      "error: attribute 'config' in selection path 'config.system.build.toplevel' not found",
    );
    expect(run.stderr).toContain("typeflake: nix failed with exit code 1");
  });
});

describe("update", () => {
  test("updates every input, then one by name, and refuses an unknown one", async () => {
    const input = join(root, "input");
    mkdirSync(input);
    writeFileSync(join(input, "flake.nix"), "{ outputs = { self }: { value = 1; }; }\n");
    const flake = join(root, "with-input");
    mkdirSync(flake);
    writeFileSync(join(flake, "flake.nix"), `{ inputs.stub.url = "path:${input}"; outputs = { self, stub }: { }; }\n`);
    const fleet = { ...tinyFleet, flakeDir: flake };

    const all = await runCli(["update"], { fleet, env });
    expect(all.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(flake, "flake.lock"), "utf8")).nodes)).toEqual(["root", "stub"]);

    const one = await runCli(["update", "stub"], { fleet, env });
    expect(one.exitCode).toBe(0);
    expect(printedLines(one.stderr)).toEqual([`${NIX} flake lock --update-input stub`]);
    expect(one.stderr).not.toContain("does not match any input");

    const unknown = await runCli(["update", "nixpkgs"], { fleet, env });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'typeflake: the flake has no input "nixpkgs"; its inputs (from flake.lock) are: stub',
    );
  });
});

describe("generate --eval's evaluation of every host", () => {
  test("evaluates each host, reports each, and fails when one does not evaluate", async () => {
    const stderr = new Collector();
    const fleet = { ...tinyFleet, hosts: [...tinyFleet.hosts, deployTarget("ghost", "10.0.20.99", [])] };
    const outcomes = await evaluateHosts(fleet, {
      io: { stderr, stdout: new Collector(), env: { ...env, CI: "true" }, cwd: process.cwd() },
    });
    expect(outcomes.map((outcome) => [outcome.host, outcome.status])).toEqual([
      ["compute", "ok"],
      ["nas", "ok"],
      ["ghost", "failed"],
    ]);
    expect(stderr.text).toContain("[ghost]   error: flake 'path:");
    expect(() => requireSuccess(outcomes, "eval")).toThrow("eval did not succeed on 1 of 3 hosts: ghost (failed)");
  });
});

describe("generated example fleets, inputs replaced by stub flakes", () => {
  const stub = (input: string): string => fileURLToPath(new URL(`../support/stub-inputs/${input}`, import.meta.url));
  // A copy, so nix never writes next to the committed example.
  const example = (name: string, copy = name): string => {
    const dir = join(root, copy);
    cpSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), dir, { recursive: true });
    return dir;
  };

  test("eval reads a host's option from the minimal example", async () => {
    const fleet = { ...tinyFleet, flakeDir: example("minimal"), hosts: [deployTarget("box", "10.0.0.2", [])] };
    const run = await runCli(
      ["eval", "box", "networking.hostName", "--override-input", "nixpkgs", `path:${stub("nixpkgs")}`],
      { fleet, env },
    );
    expect(run.stderr).not.toContain("typeflake:");
    expect(JSON.parse(run.stdout)).toBe("box");
  });

  test("flake-check passes on the minimal example", async () => {
    const fleet = { ...tinyFleet, flakeDir: example("minimal", "minimal-check"), hosts: [] };
    const run = await runCli(["flake-check", "--override-input", "nixpkgs", `path:${stub("nixpkgs")}`], { fleet, env });
    expect(run.exitCode).toBe(0);
  });

  test("eval takes several input overrides (the media server with deploy-rs)", async () => {
    const fleet = { ...tinyFleet, flakeDir: example("media-server"), hosts: [deployTarget("media", "10.0.0.3", [])] };
    const run = await runCli(
      [
        "eval",
        "media",
        "networking.hostName",
        "--override-input",
        "nixpkgs",
        `path:${stub("nixpkgs")}`,
        "--override-input",
        "deploy-rs",
        `path:${stub("deploy-rs")}`,
      ],
      { fleet, env },
    );
    expect(run.stderr).not.toContain("typeflake:");
    expect(JSON.parse(run.stdout)).toBe("media");
  });
});
