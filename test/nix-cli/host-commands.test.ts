/**
 * build, rollback, generations, closure-diff, update, flake-check and eval through fake tools:
 * the exact command lines, as printed and as received, and what happens when one fails.
 */
import { truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import type { CommandRun } from "../support/run-command.ts";
import { runCli } from "./support/cli.ts";
import { asLine, printedLines } from "./support/expect-calls.ts";
import type { FakeBehaviour, Fakes } from "./support/fakes.ts";
import { createFakes } from "./support/fakes.ts";
import { deployTarget, homelab } from "./support/fleet.ts";
import { tempDir } from "./support/temp.ts";

const root = tempDir("host-commands");
const fleet = homelab(root, {
  hosts: [
    ...homelab(root).hosts,
    deployTarget("builder", "10.0.20.50", [], { sshUser: "root", useSudo: false, buildHost: "root@10.0.20.11" }),
    deployTarget("edge", "edge.example.net", [], { sshOpts: ["-p", "2222", "-o", "StrictHostKeyChecking=accept-new"] }),
  ],
});
writeFileSync(
  join(root, "flake.lock"),
  JSON.stringify({
    nodes: { root: { inputs: { nixpkgs: "nixpkgs", "sops-nix": "sops-nix" } } },
    root: "root",
    version: 7,
  }),
);

const RUNNING = "/nix/store/0000000000000000000000000000000a-nixos-system-nas-24.11";
const BUILT = "/nix/store/0000000000000000000000000000000b-nixos-system-nas-24.11";
const BUILD_REPORT = JSON.stringify([{ drvPath: `${BUILT}.drv`, outputs: { out: BUILT } }]);
const NIX = "nix --extra-experimental-features 'nix-command flakes'";

let fakeSets = 0;
/** Fakes in their own directory, the only programs on PATH (so no real tool can answer instead). */
const fakeTools = (tools: Readonly<Record<string, FakeBehaviour>>): Fakes =>
  createFakes(join(root, `bin${fakeSets++}`), tools);

const everyTool = (extra: Readonly<Record<string, FakeBehaviour>> = {}): Fakes =>
  fakeTools({ nix: {}, "nix-env": {}, "nixos-rebuild": {}, ssh: {}, sudo: {}, readlink: {}, ...extra });

/** Run typeflake with `fakes`, returning the lines that ran; each was printed, in order, before it ran. */
async function ran(
  fakes: Fakes,
  argv: string[],
  options: { cwd?: string } = {},
): Promise<CommandRun & { lines: string[] }> {
  truncateSync(fakes.log);
  const run = await runCli(argv, { fleet, env: fakes.env({ isolated: true }), ...options });
  const lines = fakes.calls().map(asLine);
  expect(printedLines(run.stderr).slice(0, lines.length)).toEqual(lines);
  return { ...run, lines };
}

describe("build", () => {
  const fakes = everyTool();
  test.each([
    [["nas"], "nixos-rebuild build --flake '.#nas'"],
    [["builder"], "nixos-rebuild build --flake '.#builder' --build-host root@10.0.20.11"],
    [["nas", "--build-host", "me@10.0.20.77"], "nixos-rebuild build --flake '.#nas' --build-host me@10.0.20.77"],
    [
      ["nas", "--override-input", "nixpkgs", "path:/tmp/nixpkgs", "--override-input", "sops-nix", "path:/tmp/sops"],
      "nixos-rebuild build --flake '.#nas' --override-input nixpkgs path:/tmp/nixpkgs --override-input sops-nix path:/tmp/sops",
    ],
  ])("%j runs %s", async (argv, expected) => {
    const run = await ran(fakes, ["build", ...argv]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toEqual([expected]);
  });

  test("a failed build shows the tool's own error and ends with exit code 1", async () => {
    const failing = fakeTools({ "nixos-rebuild": { stderr: "error: attribute 'nas' missing\n", exit: 1 } });
    const run = await ran(failing, ["build", "nas"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("error: attribute 'nas' missing\n");
    expect(run.stderr).toContain("typeflake: nixos-rebuild failed with exit code 1 (its output is above)");
  });
});

describe("generations", () => {
  const fakes = everyTool();
  const LIST = "nix-env --list-generations --profile /nix/var/nix/profiles/system";
  test.each([
    [["nas"], `ssh deploy@10.0.20.10 'sudo ${LIST}'`],
    [["builder"], `ssh root@10.0.20.50 '${LIST}'`],
    [["edge"], `ssh -p 2222 -o StrictHostKeyChecking=accept-new deploy@edge.example.net 'sudo ${LIST}'`],
    [["nas", "--target-host", "10.0.20.99"], `ssh deploy@10.0.20.99 'sudo ${LIST}'`],
    [["nas", "--target-host", "root@10.0.20.99"], `ssh root@10.0.20.99 '${LIST}'`],
    [["nas", "--local"], `sudo ${LIST}`],
  ])("%j runs %s", async (argv, expected) => {
    const run = await ran(fakes, ["generations", ...argv]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toEqual([expected]);
  });

  test("the list is the host's own output, on stdout", async () => {
    const listing = fakeTools({
      ssh: { stdout: "  41   2024-11-02 10:00:00\n  42   2024-11-09 10:00:00   (current)\n" },
    });
    const run = await ran(listing, ["generations", "nas"]);
    expect(run.stdout).toBe("  41   2024-11-02 10:00:00\n  42   2024-11-09 10:00:00   (current)\n");
  });
});

describe("rollback", () => {
  const fakes = everyTool();
  const PROFILE = "/nix/var/nix/profiles/system";
  const ACTIVATE = `${PROFILE}/bin/switch-to-configuration switch`;
  test.each([
    [["nas"], [`ssh deploy@10.0.20.10 'sudo nix-env --rollback --profile ${PROFILE} && sudo ${ACTIVATE}'`]],
    [
      ["nas", "--to", "41"],
      [`ssh deploy@10.0.20.10 'sudo nix-env --switch-generation 41 --profile ${PROFILE} && sudo ${ACTIVATE}'`],
    ],
    [["builder"], [`ssh root@10.0.20.50 'nix-env --rollback --profile ${PROFILE} && ${ACTIVATE}'`]],
    [
      ["edge"],
      [
        `ssh -p 2222 -o StrictHostKeyChecking=accept-new deploy@edge.example.net 'sudo nix-env --rollback --profile ${PROFILE} && sudo ${ACTIVATE}'`,
      ],
    ],
    [["nas", "--local"], ["sudo nixos-rebuild switch --rollback"]],
    [
      ["nas", "--local", "--to", "41"],
      [`sudo nix-env --switch-generation 41 --profile ${PROFILE}`, `sudo ${ACTIVATE}`],
    ],
  ])("%j runs %j", async (argv, expected) => {
    const run = await ran(fakes, ["rollback", ...argv]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toEqual(expected);
  });

  test("on this machine, a failed generation switch stops before activation", async () => {
    const failing = everyTool({ sudo: { failWhen: "--switch-generation" } });
    const run = await ran(failing, ["rollback", "nas", "--local", "--to", "7"]);
    expect(run.exitCode).toBe(1);
    expect(run.lines).toHaveLength(1);
  });

  test("--to takes a generation number", async () => {
    const run = await ran(fakes, ["rollback", "nas", "--to", "latest"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      "option '--to <generation>' argument 'latest' is invalid. expected a whole number of at least 1.",
    );
  });
});

describe("closure-diff", () => {
  const withNvd = everyTool({
    nix: { stdout: BUILD_REPORT },
    ssh: { stdout: `${RUNNING}\n` },
    readlink: { stdout: `${RUNNING}\n` },
    nvd: {},
  });
  const withoutNvd = everyTool({
    nix: { stdout: BUILD_REPORT },
    ssh: { stdout: `${RUNNING}\n` },
    readlink: { stdout: `${RUNNING}\n` },
  });
  const BUILD = `${NIX} build --no-link --json '.#nixosConfigurations.nas.config.system.build.toplevel'`;

  test("for a remote host: build, read the running system, copy it here, and diff with nvd", async () => {
    const run = await ran(withNvd, ["closure-diff", "nas"]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toEqual([
      BUILD,
      "ssh deploy@10.0.20.10 'readlink -f /run/current-system'",
      `${NIX} copy --no-check-sigs --from ssh://deploy@10.0.20.10 ${RUNNING}`,
      `nvd diff ${RUNNING} ${BUILT}`,
    ]);
  });

  test("without nvd it uses nix store diff-closures", async () => {
    const run = await ran(withoutNvd, ["closure-diff", "nas"]);
    expect(run.exitCode).toBe(0);
    expect(run.lines.at(-1)).toBe(`${NIX} store diff-closures ${RUNNING} ${BUILT}`);
  });

  test("ssh options reach ssh directly and nix copy through NIX_SSHOPTS", async () => {
    const run = await ran(withNvd, ["closure-diff", "edge"]);
    expect(run.lines.slice(1, 3)).toEqual([
      "ssh -p 2222 -o StrictHostKeyChecking=accept-new deploy@edge.example.net 'readlink -f /run/current-system'",
      `NIX_SSHOPTS='-p 2222 -o StrictHostKeyChecking=accept-new' ${NIX} copy --no-check-sigs --from ssh://deploy@edge.example.net ${RUNNING}`,
    ]);
  });

  test("on this machine nothing is copied", async () => {
    const run = await ran(withoutNvd, ["closure-diff", "nas", "--local"]);
    expect(run.lines).toEqual([
      BUILD,
      "readlink -f /run/current-system",
      `${NIX} store diff-closures ${RUNNING} ${BUILT}`,
    ]);
  });

  test("a host whose current system is not a store path is reported", async () => {
    const notNixos = everyTool({ nix: { stdout: BUILD_REPORT }, ssh: { stdout: "/run/current-system\n" } });
    const run = await ran(notNixos, ["closure-diff", "nas"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'typeflake: nas: /run/current-system points to "/run/current-system", not a store path; is it running NixOS?',
    );
  });
});

describe("update", () => {
  const fakes = everyTool();
  test.each([
    [[], `${NIX} flake update`],
    [["nixpkgs"], `${NIX} flake lock --update-input nixpkgs`],
    [["nixpkgs", "sops-nix"], `${NIX} flake lock --update-input nixpkgs --update-input sops-nix`],
  ])("%j runs %s", async (argv, expected) => {
    const run = await ran(fakes, ["update", ...argv]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toEqual([expected]);
  });

  test("an input the lock file does not pin is an error naming the valid ones", async () => {
    const run = await ran(fakes, ["update", "nixpkgz"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      'typeflake: the flake has no input "nixpkgz"; its inputs (from flake.lock) are: nixpkgs, sops-nix',
    );
    expect(run.lines).toEqual([]);
  });
});

describe("flake-check and eval", () => {
  test("flake-check passes input overrides on", async () => {
    const run = await ran(everyTool(), [
      "flake-check",
      "--override-input",
      "nixpkgs",
      "path:../stub",
      "--override-input",
      "sops-nix",
      "path:../sops",
    ]);
    expect(run.lines).toEqual([
      `${NIX} flake check --override-input nixpkgs path:../stub --override-input sops-nix path:../sops`,
    ]);
  });

  test("eval prints nix's JSON on stdout and nothing of typeflake's", async () => {
    const run = await ran(everyTool({ nix: { stdout: '"nas"' } }), ["eval", "nas", "networking.hostName"]);
    expect(run.lines).toEqual([`${NIX} eval --json '.#nixosConfigurations.nas.config.networking.hostName'`]);
    expect(run.stdout).toBe('"nas"');
  });

  test("eval of an unknown host lists the valid ones", async () => {
    const run = await ran(everyTool(), ["eval", "naz", "networking.hostName"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      'typeflake: unknown host "naz" (did you mean "nas"?); the fleet\'s hosts are: compute, gateway, nas, builder, edge',
    );
  });
});

describe("--dry-run", () => {
  const fakes = everyTool({ nvd: {} });
  test.each([
    [
      ["eval", "nas", 'services.samba.settings."server min protocol"'],
      [`${NIX} eval --json '.#nixosConfigurations.nas.config.services.samba.settings."server min protocol"'`],
    ],
    [["eval", "nas"], [`${NIX} eval --json '.#nixosConfigurations.nas.config.system.build.toplevel.drvPath'`]],
    [["flake-check"], [`${NIX} flake check`]],
    [["build", "nas"], ["nixos-rebuild build --flake '.#nas'"]],
    [
      ["deploy", "--all"],
      ["deploy '.#compute'", "deploy '.#gateway'", "deploy '.#nas'", "deploy '.#builder'", "deploy '.#edge'"],
    ],
    [["deploy", "nas", "--tool", "nixos-rebuild", "--local"], ["sudo nixos-rebuild switch --flake '.#nas'"]],
    [
      ["rollback", "nas"],
      [
        "ssh deploy@10.0.20.10 'sudo nix-env --rollback --profile /nix/var/nix/profiles/system && sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch'",
      ],
    ],
    [["generations", "nas", "--local"], ["sudo nix-env --list-generations --profile /nix/var/nix/profiles/system"]],
    [
      ["closure-diff", "nas"],
      [
        `${NIX} build --no-link --json '.#nixosConfigurations.nas.config.system.build.toplevel'`,
        "ssh deploy@10.0.20.10 'readlink -f /run/current-system'",
        `${NIX} copy --no-check-sigs --from ssh://deploy@10.0.20.10 '<running system of nas>'`,
        "nvd diff '<running system of nas>' '<new system of nas>'",
      ],
    ],
    [["update", "nixpkgs"], [`${NIX} flake lock --update-input nixpkgs`]],
  ])("%j prints %j and runs nothing", async (argv, expected) => {
    const run = await ran(fakes, [...argv, "--dry-run"]);
    expect(run.exitCode).toBe(0);
    expect(printedLines(run.stderr)).toEqual(expected);
    expect(run.lines).toEqual([]);
    expect(run.stderr).not.toContain("result");
  });

  test("needs none of the tools it would run", async () => {
    const empty = fakeTools({});
    const run = await ran(empty, ["deploy", "nas", "--tool", "colmena", "--dry-run"]);
    expect(run.exitCode).toBe(0);
    expect(printedLines(run.stderr)).toEqual(["colmena apply switch --on nas"]);
  });

  test("prints a cd to the flake's directory when the user is elsewhere", async () => {
    const run = await ran(fakes, ["update", "--dry-run"], { cwd: dirname(root) });
    expect(printedLines(run.stderr)).toEqual([`cd ${root.slice(dirname(root).length + 1)} && ${NIX} flake update`]);
  });
});

describe("a missing tool", () => {
  test.each([
    [
      ["build", "nas"],
      {},
      "nixos-rebuild is not on PATH; it ships with NixOS, or install it with `nix profile install nixpkgs#nixos-rebuild`",
    ],
    [
      ["deploy", "nas"],
      {},
      "deploy is not on PATH; it is deploy-rs's CLI; install it with `nix profile install nixpkgs#deploy-rs`",
    ],
    [
      ["deploy", "--all", "--tool", "colmena"],
      {},
      "colmena is not on PATH; install it with `nix profile install nixpkgs#colmena`",
    ],
    [
      ["deploy", "nas", "--tool", "nixos-rebuild", "--local"],
      { "nixos-rebuild": {} },
      "sudo is not on PATH; install sudo, or run typeflake as root",
    ],
    [["generations", "nas"], {}, "ssh is not on PATH; install OpenSSH"],
    [
      ["flake-check"],
      {},
      "nix is not on PATH; install it from https://nixos.org/download (Debian and Ubuntu: `apt install nix-bin`)",
    ],
  ])("%j ends with exit code 2 and says how to install it", async (argv, tools, message) => {
    const fakes = fakeTools(tools);
    const run = await ran(fakes, argv);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`typeflake: ${message}`);
    expect(run.lines).toEqual([]);
  });
});
