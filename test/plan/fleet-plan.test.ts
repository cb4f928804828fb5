/**
 * The plan's pure core on in-memory fleets (validated and lowered, nothing read or run): changes
 * found however they are written, risks read through `mkForce`, names shown as Nix would quote
 * them, homes and overlays.
 */
import { describe, expect, test } from "vitest";
import { mkForce, pkg } from "../../dsl/expressions.ts";
import { nixFiles } from "../../generators/generate.ts";
import { lowerFleet } from "../../generators/lower/fleet.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import type { FleetPlan } from "../../generators/plan/changes.ts";
import { planFleetChange } from "../../generators/plan/fleet-plan.ts";
import { renderPlanJson } from "../../generators/plan/render-json.ts";
import { renderPlanText } from "../../generators/plan/render-text.ts";
import { validateFleet, type FleetSources } from "../../generators/validate/index.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const CONFIG = {
  file: "typeflake.config.ts",
  value: {
    description: "test",
    inputs: {
      nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
      "deploy-rs": { url: "github:serokell/deploy-rs" },
      "home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },
    },
  },
};

type Sources = Partial<Pick<FleetSources, "hosts" | "modules" | "overlays" | "homes">>;

const host = (name: string, value: object = {}) => ({ name, file: `hosts/${name}/host.ts`, value: { address: `10.0.0.${name.length}`, ...value } });

const revision = (sources: Sources) => {
  const { fleet, diagnostics } = validateFleet({ config: CONFIG, hosts: [], modules: [], overlays: [], ...sources });
  if (!fleet) throw new Error(diagnostics.map((d) => messageOf(d)).join("\n"));
  const lowered = lowerFleet(indexFleet(fleet));
  return { index: lowered.index, files: nixFiles(lowered), handKept: new Map() };
};

const plan = (before: Sources, after: Sources): FleetPlan => planFleetChange(revision(before), revision(after), "HEAD", "0".repeat(40));

const lines = (result: FleetPlan, name: string) =>
  result.hosts.find((entry) => entry.name === name)?.changes.map((change) => `${change.action} ${change.section} ${change.item}`);

describe("planFleetChange", () => {
  test("identical fleets: every host unchanged, nothing to deploy", () => {
    const sources = { hosts: [host("a"), host("bb")] };
    const result = plan(sources, sources);
    expect(result.hosts.map((entry) => entry.status)).toEqual(["unchanged", "unchanged"]);
    expect(result.summary.deploy).toEqual([]);
    expect(result.risks).toEqual([]);
  });

  test("a firewall turned off with mkForce is a risk; a trusted interface is listed", () => {
    const result = plan(
      { hosts: [host("a")] },
      { hosts: [host("a", { firewall: { trustedInterfaces: ["wg0"] }, nixos: { networking: { firewall: { enable: mkForce(false) } } } })] },
    );
    expect(lines(result, "a")).toEqual([
      "add firewall every port on wg0 (trusted)",
      "change firewall state",
      "add nixosOptions networking.firewall.enable",
    ]);
    expect(result.risks.map((risk) => risk.kind)).toEqual(["firewall-off"]);
  });

  test("a group's wheel membership and a port opened on one interface only", () => {
    const result = plan(
      { hosts: [host("a", { users: { carol: {} } })] },
      { hosts: [host("a", { users: { carol: {} }, groups: { wheel: { members: ["carol"] } }, firewall: { allowedUDPPortRanges: [{ from: 60000, to: 61000 }] } })] },
    );
    expect(lines(result, "a")).toEqual(["add firewall udp 60000-61000 on all interfaces", "add groups wheel", "add sudo carol"]);
    expect(result.risks.map((risk) => risk.message)).toEqual([
      "a: udp 60000-61000 is newly open on all interfaces",
      "a: carol gains administrator rights (wheel)",
    ]);
  });

  test("field names are shown as Nix would write them", () => {
    const result = plan(
      { hosts: [host("a", { nixos: { services: { nginx: { virtualHosts: { 'we"ird.lan': { root: "/srv/a" } } } } } })] },
      { hosts: [host("a", { nixos: { services: { nginx: { virtualHosts: { 'we"ird.lan': { root: "/srv/b" } } } } } })] },
    );
    const vhost = result.hosts[0]?.changes.find((change) => change.section === "nginxVirtualHosts");
    expect(vhost?.fields).toEqual([{ action: "change", field: "root", before: '"/srv/a"', after: '"/srv/b"' }]);
    expect(renderPlanText(result, { color: false })).toContain('    ~ nginx virtual host we"ird.lan\n        ~ root: "/srv/a" → "/srv/b"\n');
  });

  test("names and values from the fleet reach the text with their control and bidi characters escaped", () => {
    const vhosts = (root: string) => ({ nixos: { services: { nginx: { virtualHosts: { "a\u202e.lan": { root } } } } } });
    const result = plan({ hosts: [host("a", vhosts("/srv/a"))] }, { hosts: [host("a", vhosts("/srv/\u001b[2J\u0007"))] });
    const text = renderPlanText(result, { color: false });
    expect(text).toContain('    ~ nginx virtual host a\\u202e.lan\n        ~ root: "/srv/a" → "/srv/\\u001b[2J\\u0007"\n');
    expect(renderPlanText(result, { color: true }).replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  test("a home's change reaches exactly the hosts with that account; an overlay, every host", () => {
    const home = (packages: string[]) => ({ name: "alice", file: "homes/alice.ts", value: { stateVersion: "24.11", packages: packages.map((name) => pkg(name)) } });
    const overlay = (version: string) => ({ name: "tools", file: "overlays/tools.ts", value: { packages: { hello: { shellScript: `echo ${version}` } } } });
    const hosts = [host("a", { users: { alice: {} } }), host("bb")];
    const result = plan({ hosts, homes: [home(["jq"])], overlays: [overlay("1")] }, { hosts, homes: [home(["jq", "tmux"])], overlays: [overlay("2")] });
    expect(lines(result, "a")).toEqual(["change homes alice"]);
    expect(result.hosts[0]?.changes[0]?.fields).toEqual([{ action: "change", field: "packages", before: "[ pkgs.jq ]", after: "[ pkgs.jq pkgs.tmux ]" }]);
    expect(lines(result, "bb")).toEqual([]);
    expect(result.fleet.map((change) => `${change.action} ${change.section} ${change.item}`)).toEqual(["change overlays tools"]);
    expect(result.hosts.map((entry) => entry.changedNix)).toEqual([
      ["homes/alice/default.nix", "overlays/default.nix"],
      ["overlays/default.nix"],
    ]);
  });

  test("text without colour has no escape codes; JSON carries the same plan", () => {
    const result = plan({ hosts: [host("a")] }, { hosts: [host("a", { firewall: { allowedTCPPorts: [8080] } }), host("bb")] });
    expect(renderPlanText(result, { color: false })).not.toMatch(/\x1b\[/);
    expect(renderPlanText(result, { color: true })).toMatch(/\x1b\[/);
    const json = JSON.parse(renderPlanJson(result));
    expect(json).toEqual({ version: 1, ...JSON.parse(JSON.stringify(result)) });
  });
});
