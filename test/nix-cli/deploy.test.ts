/**
 * `typeflake deploy` with each tool, mode and option: the exact command lines, as printed and as
 * received by fake deploy-rs, colmena, nixos-rebuild and sudo executables.
 */
import { join } from "node:path";
import { truncateSync } from "node:fs";
import { beforeEach, describe, expect, test } from "vitest";
import { runCli } from "./support/cli.ts";
import { asLine, printedLines } from "./support/expect-calls.ts";
import { createFakes } from "./support/fakes.ts";
import { deployTarget, homelab } from "./support/fleet.ts";
import { tempDir } from "./support/temp.ts";

const root = tempDir("deploy");
const fakes = createFakes(join(root, "bin"), { deploy: {}, colmena: {}, "nixos-rebuild": {}, sudo: {} });
const fleet = homelab(root, {
  hosts: [
    ...homelab(root).hosts,
    deployTarget("builder", "10.0.20.50", ["lab"], { sshUser: "root", useSudo: false, buildHost: "root@10.0.20.11" }),
    deployTarget("edge", "edge.example.net", [], {
      sshOpts: ["-p", "2222", "-o", "StrictHostKeyChecking=accept-new"],
      buildOnTarget: true,
    }),
  ],
});

beforeEach(() => truncateSync(fakes.log));

/** Deploy with `argv` and return the one line that ran, as the tool received it (sudo included). */
async function deployed(argv: string[], targets = fleet): Promise<string> {
  truncateSync(fakes.log);
  const run = await runCli(["deploy", ...argv], { fleet: targets, env: fakes.env() });
  expect(run.stderr).not.toMatch(/typeflake:/);
  expect(run.exitCode).toBe(0);
  const calls = fakes.calls();
  expect(calls).toHaveLength(1);
  const [call] = calls;
  const received = asLine(call!);
  // What ran is exactly what was printed.
  expect(printedLines(run.stderr)).toEqual([received]);
  expect(call!.cwd).toBe(root);
  return received;
}

describe("deploy-rs", () => {
  test.each([
    [["nas"], "deploy '.#nas'"],
    [["nas", "--mode", "switch"], "deploy '.#nas'"],
    [["nas", "--mode", "boot"], "deploy '.#nas' --boot"],
    [["nas", "--mode", "dry-activate"], "deploy '.#nas' --dry-activate"],
    [["nas", "--skip-checks"], "deploy '.#nas' --skip-checks"],
    [["nas", "--target-host", "10.0.20.99"], "deploy '.#nas' --hostname 10.0.20.99"],
    [["nas", "--target-host", "root@10.0.20.99"], "deploy '.#nas' --hostname 10.0.20.99 --ssh-user root"],
    [["nas", "--build-on-target"], "deploy '.#nas' --remote-build"],
    [["nas", "--magic-rollback", "false"], "deploy '.#nas' --magic-rollback false"],
    [["nas", "--auto-rollback", "true"], "deploy '.#nas' --auto-rollback true"],
    [["nas", "--confirm-timeout", "60"], "deploy '.#nas' --confirm-timeout 60"],
    [["nas", "--nix-option", "max-jobs", "4"], "deploy '.#nas' -- --option max-jobs 4"],
    [
      [
        "nas",
        "--mode",
        "boot",
        "--skip-checks",
        "--target-host",
        "root@10.0.20.99",
        "--build-on-target",
        "--magic-rollback",
        "false",
        "--auto-rollback",
        "false",
        "--confirm-timeout",
        "30",
        "--nix-option",
        "max-jobs",
        "4",
        "--nix-option",
        "cores",
        "2",
      ],
      "deploy '.#nas' --boot --skip-checks --hostname 10.0.20.99 --ssh-user root --remote-build --magic-rollback false --auto-rollback false --confirm-timeout 30 -- --option max-jobs 4 --option cores 2",
    ],
  ])("%j runs %s", async (argv, expected) => {
    expect(await deployed(argv)).toBe(expected);
  });

  test("is the tool of a fleet that chose no other; --tool overrides the fleet's choice", async () => {
    expect(await deployed(["gateway"])).toBe("deploy '.#gateway'");
    const colmenaFleet = { ...fleet, tool: "colmena" as const };
    expect(await deployed(["gateway"], colmenaFleet)).toBe("colmena apply switch --on gateway");
    expect(await deployed(["gateway", "--tool", "deploy-rs"], colmenaFleet)).toBe("deploy '.#gateway'");
  });
});

describe("colmena", () => {
  test.each([
    [["nas"], "colmena apply switch --on nas"],
    [["nas", "--mode", "boot"], "colmena apply boot --on nas"],
    [["nas", "--mode", "test"], "colmena apply test --on nas"],
    [["nas", "--mode", "dry-activate"], "colmena apply dry-activate --on nas"],
    [["nas", "--build-on-target"], "colmena apply switch --on nas --build-on-target"],
    [["nas", "--nix-option", "max-jobs", "4"], "colmena apply switch --on nas --nix-option max-jobs 4"],
    [
      ["edge", "--mode", "test", "--build-on-target", "--nix-option", "cores", "2"],
      "colmena apply test --on edge --build-on-target --nix-option cores 2",
    ],
  ])("%j runs %s", async (argv, expected) => {
    expect(await deployed([...argv, "--tool", "colmena"])).toBe(expected);
  });
});

describe("nixos-rebuild", () => {
  test.each([
    [["nas"], "nixos-rebuild switch --flake '.#nas' --target-host deploy@10.0.20.10 --use-remote-sudo"],
    [["nas", "--mode", "boot"], "nixos-rebuild boot --flake '.#nas' --target-host deploy@10.0.20.10 --use-remote-sudo"],
    [["nas", "--mode", "test"], "nixos-rebuild test --flake '.#nas' --target-host deploy@10.0.20.10 --use-remote-sudo"],
    [
      ["nas", "--mode", "dry-activate"],
      "nixos-rebuild dry-activate --flake '.#nas' --target-host deploy@10.0.20.10 --use-remote-sudo",
    ],
    // A root ssh user needs no sudo, unless asked for.
    [
      ["builder"],
      "nixos-rebuild switch --flake '.#builder' --target-host root@10.0.20.50 --build-host root@10.0.20.11",
    ],
    [
      ["builder", "--sudo"],
      "nixos-rebuild switch --flake '.#builder' --target-host root@10.0.20.50 --build-host root@10.0.20.11 --use-remote-sudo",
    ],
    [
      ["nas", "--target-host", "10.0.20.99"],
      "nixos-rebuild switch --flake '.#nas' --target-host deploy@10.0.20.99 --use-remote-sudo",
    ],
    [["nas", "--target-host", "root@10.0.20.99"], "nixos-rebuild switch --flake '.#nas' --target-host root@10.0.20.99"],
    [
      ["nas", "--build-host", "root@10.0.20.11"],
      "nixos-rebuild switch --flake '.#nas' --target-host deploy@10.0.20.10 --build-host root@10.0.20.11 --use-remote-sudo",
    ],
    [
      ["nas", "--build-on-target"],
      "nixos-rebuild switch --flake '.#nas' --target-host deploy@10.0.20.10 --build-host deploy@10.0.20.10 --use-remote-sudo",
    ],
    [
      ["builder", "--build-host", "me@10.0.20.77"],
      "nixos-rebuild switch --flake '.#builder' --target-host root@10.0.20.50 --build-host me@10.0.20.77",
    ],
    [
      ["edge", "--mode", "boot"],
      "NIX_SSHOPTS='-p 2222 -o StrictHostKeyChecking=accept-new' nixos-rebuild boot --flake '.#edge' --target-host deploy@edge.example.net --build-host deploy@edge.example.net --use-remote-sudo",
    ],
    [
      ["nas", "--nix-option", "max-jobs", "4"],
      "nixos-rebuild switch --flake '.#nas' --target-host deploy@10.0.20.10 --use-remote-sudo --option max-jobs 4",
    ],
    // On this machine, as the NixOS manual runs it.
    [["nas", "--local"], "sudo nixos-rebuild switch --flake '.#nas'"],
    [["nas", "--local", "--mode", "boot"], "sudo nixos-rebuild boot --flake '.#nas'"],
    [
      ["builder", "--local", "--mode", "test"],
      "sudo nixos-rebuild test --flake '.#builder' --build-host root@10.0.20.11",
    ],
    [
      ["nas", "--local", "--build-host", "root@10.0.20.11"],
      "sudo nixos-rebuild switch --flake '.#nas' --build-host root@10.0.20.11",
    ],
  ])("%j runs %s", async (argv, expected) => {
    expect(await deployed([...argv, "--tool", "nixos-rebuild"])).toBe(expected);
  });
});

describe("options a tool cannot honour, and contradictions", () => {
  test.each([
    [["nas", "--tool", "deploy-rs", "--mode", "test"], "deploy-rs has no test mode"],
    [
      ["nas", "--tool", "deploy-rs", "--sudo"],
      "--sudo does not apply to deploy-rs (deploy-rs elevates with sudo by itself",
    ],
    [
      ["nas", "--tool", "deploy-rs", "--local"],
      "--local does not apply to deploy-rs; it works with --tool nixos-rebuild",
    ],
    [
      ["nas", "--tool", "deploy-rs", "--build-host", "x@y"],
      "--build-host does not apply to deploy-rs (deploy-rs builds locally or, with --build-on-target, on the target)",
    ],
    [
      ["nas", "--tool", "colmena", "--target-host", "10.0.0.1"],
      "--target-host does not apply to colmena (colmena reads each node's address from the hive's deployment.targetHost); it works with --tool nixos-rebuild or --tool deploy-rs",
    ],
    [
      ["nas", "--tool", "colmena", "--skip-checks"],
      "--skip-checks does not apply to colmena; it works with --tool deploy-rs",
    ],
    [["nas", "--tool", "nixos-rebuild", "--confirm-timeout", "9"], "--confirm-timeout does not apply to nixos-rebuild"],
    [
      ["nas", "--tool", "nixos-rebuild", "--local", "--target-host", "10.0.0.1"],
      "--local acts on this machine, --target-host on another; give one of them",
    ],
    [
      ["nas", "--tool", "nixos-rebuild", "--build-host", "a@b", "--build-on-target"],
      "--build-host and --build-on-target each choose where to build",
    ],
    [["nas", "gateway", "--tool", "nixos-rebuild", "--local"], "--local names one machine, but 2 hosts are selected"],
    [["--all", "--target-host", "10.0.0.1"], "--target-host names one machine, but 5 hosts are selected"],
    [
      ["nas", "--nix-option", "max-jobs"],
      '--nix-option takes two values each time (<name> <value>), but got "max-jobs"',
    ],
    [["nas", "--target-host", "a@b@c"], '--target-host "a@b@c" is not a host; write host or user@host'],
  ])("%j is refused: %s", async (argv, message) => {
    const run = await runCli(["deploy", ...argv], { fleet, env: fakes.env() });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`typeflake: ${message}`);
    expect(fakes.calls()).toEqual([]);
  });

  test.each([
    [
      ["nas", "--mode", "reboot"],
      "argument 'reboot' is invalid. Allowed choices are switch, boot, test, dry-activate.",
    ],
    [
      ["nas", "--tool", "nixops"],
      "argument 'nixops' is invalid. Allowed choices are deploy-rs, colmena, nixos-rebuild.",
    ],
    [["nas", "--jobs", "0"], "option '--jobs <n>' argument '0' is invalid. expected a whole number of at least 1."],
    [
      ["nas", "--magic-rollback", "yes"],
      "option '--magic-rollback <bool>' argument 'yes' is invalid. expected true or false.",
    ],
  ])("%j is a usage error from the option parser: %s", async (argv, message) => {
    const run = await runCli(["deploy", ...argv], { fleet, env: fakes.env() });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(message);
    expect(fakes.calls()).toEqual([]);
  });
});
