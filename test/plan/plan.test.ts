/**
 * `typeflake plan` and `deploy --changed` through the real CLI, on a committed copy of the
 * homelab (plus an untouched fourth host) changed in five ways: a port opened, a user with an SSH
 * key and wheel added, a proxy pointed at another port, a host added, a Samba share removed.
 */
import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { homelabRepo, type FleetRepo } from "./homelab-repo.ts";

const BOB_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPqvE2Cq1h0dJ7oQb6YxT0mZs9rL4kWn8u3XcVb1aGf2 bob@laptop";

const hostFile = (address: string) => `import { defineHost } from "typeflake";

export default defineHost({ address: "${address}", deploy: { tags: ["edge"] } });
`;

let repo: FleetRepo;

const typeflake = (...args: string[]) => {
  const run = runTypeflake(["-C", repo.root, ...args], repo.root);
  return { ...run, describe: describeRun(args, run) };
};

beforeAll(() => {
  repo = homelabRepo("plan");
  repo.write("hosts/printer/host.ts", hostFile("10.0.20.40"));
  repo.commit("homelab and a printer");
  // Open a port on compute and point the gateway's proxy at it.
  repo.edit("hosts/compute/host.ts", "allowedTCPPorts: [3000]", "allowedTCPPorts: [3000, 3001]");
  repo.edit("hosts/gateway/host.ts", 'host("compute").port(3000)', 'host("compute").port(3001)');
  // A user with an SSH key and wheel on the NAS, and one Samba share fewer.
  repo.edit(
    "hosts/nas/host.ts",
    "  services: {",
    `  users: { bob: { extraGroups: ["wheel"], sshKeys: [${JSON.stringify(BOB_KEY)}] } },\n  services: {`,
  );
  repo.edit("hosts/nas/host.ts", '        backups: { path: "/tank/backups", readOnly: false, validUsers: ["backup"] },\n', "");
  // A new host.
  repo.write("hosts/camera/host.ts", hostFile("10.0.20.50"));
});

describe("plan", () => {
  test("with nothing changed, every host says no change", () => {
    const clean = homelabRepo("plan-clean");
    clean.commit("homelab");
    const run = runTypeflake(["-C", clean.root, "plan"], clean.root);
    expect(run.status, describeRun(["plan"], run)).toBe(0);
    expect(run.stdout).toContain("  compute: no change\n  gateway: no change\n  nas: no change\n");
    expect(run.stdout).toContain("Plan: 0 to add, 0 to change, 0 to remove, 3 unchanged; no host to deploy; 0 risks.");
  });

  test("lists exactly the changes, on exactly the hosts that have them", () => {
    const run = typeflake("plan", "--json");
    expect(run.status, run.describe).toBe(0);
    const plan = JSON.parse(run.stdout);
    const byHost = Object.fromEntries(plan.hosts.map((host: { name: string }) => [host.name, host]));
    const changes = (name: string) =>
      byHost[name].changes.map((change: { action: string; section: string; item: string }) => `${change.action} ${change.section} ${change.item}`);
    expect(plan.hosts.map((host: { name: string; status: string }) => `${host.name} ${host.status}`)).toEqual([
      "camera add",
      "compute change",
      "gateway change",
      "nas change",
      "printer unchanged",
    ]);
    expect(changes("compute")).toEqual(["add firewall tcp 3001 on all interfaces"]);
    expect(changes("gateway")).toEqual(["change services nginx", "change proxyTargets grafana.lab.local /"]);
    expect(byHost.gateway.changes[0].fields).toEqual([
      { action: "change", field: 'virtualHosts."grafana.lab.local".locations."/".proxyPass', before: '"http://10.0.20.11:3000"', after: '"http://10.0.20.11:3001"' },
    ]);
    expect(byHost.gateway.changes[1]).toMatchObject({ before: '"http://10.0.20.11:3000"', after: '"http://10.0.20.11:3001"' });
    expect(changes("nas")).toEqual([
      "change services samba",
      "add users bob",
      "add sshKeys bob: ssh-ed25519 AAAAC3NzaC1l…cVb1aGf2 bob@laptop",
      "add sudo bob",
    ]);
    expect(byHost.nas.changes[0].fields).toEqual([{ action: "remove", field: "shares.backups", before: expect.stringContaining("/tank/backups") }]);
    expect(byHost.printer.changes).toEqual([]);
    expect(byHost.camera.changes.length).toBeGreaterThan(0);
    expect(plan.fleet).toEqual([]);
    expect(plan.summary).toEqual({ add: 1, change: 3, remove: 0, unchanged: 1, deploy: ["camera", "compute", "gateway", "nas"] });
    expect(plan.risks.filter((risk: { host?: string }) => risk.host !== "camera").map((risk: { message: string }) => risk.message)).toEqual([
      "compute: tcp 3001 is newly open on all interfaces",
      "nas: new SSH key for bob: ssh-ed25519 AAAAC3NzaC1l…cVb1aGf2 bob@laptop",
      "nas: bob gains administrator rights (wheel)",
    ]);
  });

  test("the text says the same as the JSON, host by host, risks first", () => {
    const text = typeflake("plan");
    const json = JSON.parse(typeflake("plan", "--json").stdout);
    expect(text.status, text.describe).toBe(0);
    const out = text.stdout;
    expect(out.indexOf("Risks (")).toBeLessThan(out.indexOf("~ compute"));
    for (const risk of json.risks) expect(out).toContain(`  ! ${risk.message}\n`);
    for (const host of json.hosts) {
      if (host.status === "unchanged") expect(out).toContain(`  ${host.name}: no change\n`);
      else expect(out).toContain(`${{ add: "+", change: "~", remove: "-" }[host.status as "add"]} ${host.name}`);
    }
    expect(out).toContain("    + firewall tcp 3001 on all interfaces\n");
    expect(out).toContain('    ~ proxy target grafana.lab.local /: "http://10.0.20.11:3000" → "http://10.0.20.11:3001"\n');
    expect(out).toContain("    ~ service samba\n        - shares.backups (was ");
    expect(out).toContain("    Nix changes: hosts/nas/default.nix (deploy needed)\n");
    expect(out).toMatch(/\nPlan: 1 to add, 3 to change, 0 to remove, 1 unchanged; 4 hosts to deploy: camera, compute, gateway, nas; \d+ risks\.\n$/);
    expect(out).not.toMatch(/\x1b\[/);
  });

  test("a base revision that does not exist, a working tree or a base whose fleet does not validate: a clear message", () => {
    const missing = typeflake("plan", "--base", "no-such-branch");
    expect(missing.status, missing.describe).toBe(1);
    expect(missing.stderr).toContain('typeflake plan: "no-such-branch" is not a commit of this repository; pass --base a branch, tag or commit');
    expect(missing.stderr).not.toMatch(/internal error|\n\s+at /);

    const uncommitted = homelabRepo("plan-uncommitted");
    const none = runTypeflake(["-C", uncommitted.root, "plan"], uncommitted.root);
    expect(none.status, describeRun(["plan"], none)).toBe(1);
    expect(none.stderr).toBe("typeflake plan: the repository has no commit yet; commit the fleet first, so there is a revision to compare with\n");

    const invalid = homelabRepo("plan-invalid");
    invalid.commit("homelab");
    invalid.edit("hosts/nas/host.ts", 'address: "10.0.20.10"', "address: 42");
    const now = runTypeflake(["-C", invalid.root, "plan"], invalid.root);
    expect(now.status, describeRun(["plan"], now)).toBe(1);
    expect(now.stderr).toMatch(/hosts\/nas\/host\.ts:\d+:\d+ error address/);
    expect(now.stdout).toBe("");
    expect(now.stderr).not.toMatch(/internal error|\n\s+at /);

    const broken = homelabRepo("plan-broken");
    broken.edit("hosts/nas/host.ts", 'address: "10.0.20.10"', "address: 42");
    broken.commit("a broken nas");
    broken.edit("hosts/nas/host.ts", "address: 42", 'address: "10.0.20.10"');
    const run = runTypeflake(["-C", broken.root, "plan"], broken.root);
    expect(run.status, describeRun(["plan"], run)).toBe(1);
    expect(run.stderr).toMatch(/typeflake plan: the fleet at HEAD \([0-9a-f]{12}\) does not validate with this typeflake/);
    expect(run.stderr).toContain("hosts/nas/host.ts:");
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("plan in a fleet that is a subfolder of its repository", () => {
  test("compares the subfolder as committed", () => {
    const nested = homelabRepo("plan-nested");
    nested.write("README.md", "a repository with a fleet in fleet/\n");
    mkdirSync(join(nested.root, "fleet"));
    for (const source of ["typeflake.config.ts", "hosts", "modules", "overlays", "homes"]) {
      renameSync(join(nested.root, source), join(nested.root, "fleet", source));
    }
    nested.commit("fleet in a subfolder");
    nested.edit("fleet/hosts/nas/host.ts", 'hostId: "a1b2c3d4"', 'hostId: "a1b2c3d5"');
    const args = ["-C", "fleet", "plan", "--json"];
    const run = runTypeflake(args, nested.root);
    expect(run.status, describeRun(args, run)).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.summary.deploy).toEqual(["nas"]);
  });
});

describe("deploy --changed", () => {
  test("--dry-run targets exactly the hosts whose generated Nix changed", () => {
    const run = typeflake("deploy", "--changed", "--dry-run");
    expect(run.status, run.describe).toBe(0);
    expect(run.stderr).toContain("4 of 5 selected host(s) changed since HEAD: camera, compute, gateway, nas");
    const deployed = [...run.stderr.matchAll(/^\$ .*\bdeploy '\.#([\w-]+)'$/gm)].map((match) => match[1]);
    expect(deployed).toEqual(["camera", "compute", "gateway", "nas"]);
  });

  test("a tag narrows the changed hosts; nothing changed is nothing to deploy", () => {
    const tagged = typeflake("deploy", "--changed", "--tag", "edge", "--dry-run");
    expect(tagged.status, tagged.describe).toBe(0);
    expect(tagged.stderr).toContain("1 of 2 selected host(s) changed since HEAD: camera");
    expect(tagged.stderr).not.toMatch(/deploy '\.#printer'/);
    const clean = homelabRepo("plan-deploy-clean");
    clean.commit("homelab");
    const run = runTypeflake(["-C", clean.root, "deploy", "--changed", "--dry-run"], clean.root);
    expect(run.status, describeRun(["deploy"], run)).toBe(0);
    expect(run.stderr).toContain("no selected host's Nix differs from HEAD; nothing to deploy");
  });

  test("--base without --changed is refused", () => {
    const run = typeflake("deploy", "nas", "--base", "HEAD", "--dry-run");
    expect(run.status, run.describe).toBe(1);
    expect(run.stderr).toContain("--base goes with --changed");
  });
});
