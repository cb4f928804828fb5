/**
 * `typeflake plan` finds a change however it was written: through a shared module (only the
 * hosts using it change), a raw `nixos` option, a host joining another's tunnel (the hub gains a
 * peer), a fleet-wide setting; and flags what deserves a second look: a firewall turned off, a
 * secret another host can now decrypt. A removed host is listed and not deployed.
 */
import { beforeAll, expect, test } from "vitest";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { homelabRepo, type FleetRepo } from "./homelab-repo.ts";

const EDGE_KEY = "age1qpzry9x8gf2tvdw0s3jn54khce6mua7lqpzry9x8gf2tvdw0s3jn54khce";
const EDGE_WG = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

let repo: FleetRepo;
let plan: {
  risks: { kind: string; host?: string; message: string }[];
  fleet: { action: string; section: string; item: string; fields?: { field: string }[] }[];
  hosts: { name: string; status: string; needsDeploy: boolean; changedNix: string[]; changes: { action: string; section: string; item: string }[] }[];
  summary: { deploy: string[] };
};

const lines = (name: string) =>
  plan.hosts.find((host) => host.name === name)?.changes.map((change) => `${change.action} ${change.section} ${change.item}`);

beforeAll(() => {
  repo = homelabRepo("plan-classes");
  repo.write("hosts/printer/host.ts", `import { defineHost } from "typeflake";\n\nexport default defineHost({ address: "10.0.20.40" });\n`);
  repo.write("hosts/old/host.ts", `import { defineHost } from "typeflake";\n\nexport default defineHost({ address: "10.0.20.41" });\n`);
  repo.commit("base");
  // A shared module used by compute alone.
  repo.edit("modules/docker-host.ts", 'dates: "weekly"', 'dates: "daily"');
  // A hand-kept file of the NAS: typeflake did not write it, the machine still needs it.
  repo.edit("hosts/nas/hardware.nix", "{", "# a new disk\n{");
  // A raw NixOS option on the gateway.
  repo.edit("hosts/gateway/host.ts", "  services: {", "  nixos: { services: { fail2ban: { enable: true } } },\n  services: {");
  // The printer's firewall off; the NAS now uses the database password.
  repo.edit("hosts/printer/host.ts", '"10.0.20.40"', '"10.0.20.40", firewall: { enable: false }');
  repo.edit("hosts/nas/host.ts", "  services: {", '  secrets: ["database/password"],\n  services: {');
  // A new host joining the gateway's tunnel, with its key in the fleet configuration.
  repo.edit("typeflake.config.ts", "    hostKeys: {", `    hostKeys: {\n      edge: "${EDGE_KEY}",`);
  repo.write(
    "hosts/edge/host.ts",
    `import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.0.20.60",
  services: {
    wireguard: wireguard({
      wg0: { ips: ["10.100.0.9/24"], privateKey: secret("wireguard-key"), publicKey: "${EDGE_WG}", join: { host: "gateway" } },
    }),
  },
});
`,
  );
  // A host removed.
  repo.git("rm", "-q", "-r", "hosts/old");
  const run = runTypeflake(["-C", repo.root, "plan", "--json"], repo.root);
  if (run.status !== 0) throw new Error(describeRun(["plan", "--json"], run));
  plan = JSON.parse(run.stdout);
});

test("a shared module's change reaches exactly the hosts that use it", () => {
  expect(lines("compute")).toEqual(["change services docker (module docker-host)"]);
});

test("a raw nixos option and a new tunnel peer land on the gateway", () => {
  expect(lines("gateway")).toEqual(["add wireguardPeers wg0 edge", "add nixosOptions services.fail2ban.enable"]);
});

test("risks: the firewall turned off, a secret gaining a recipient", () => {
  expect(lines("printer")).toEqual(["change firewall state"]);
  expect(lines("nas")).toEqual(["add secrets database/password"]);
  expect(plan.hosts.find((host) => host.name === "nas")?.changedNix).toEqual(["hosts/nas/default.nix", "hosts/nas/hardware.nix"]);
  const risks = plan.risks.filter((risk) => risk.host !== "edge").map((risk) => `${risk.kind}: ${risk.message}`);
  expect(risks).toEqual([
    "secret-recipient: secret database/password can now be decrypted by nas",
    "secret-recipient: secret wireguard-key can now be decrypted by edge",
    "firewall-off: printer: the firewall is turned off; every listening port is reachable",
  ]);
});

test("the fleet-wide change is listed once, under the fleet", () => {
  expect(plan.fleet.map((change) => `${change.action} ${change.section} ${change.item}`)).toEqual([
    "change fleet secrets",
    "add secretRecipients database/password → nas",
    "add secretRecipients wireguard-key → edge",
  ]);
  expect(plan.fleet[0]?.fields?.map((field) => field.field)).toEqual(["hostKeys.edge"]);
});

test("an input update (flake.lock) needs every host deployed", () => {
  const locked = homelabRepo("plan-lock");
  locked.write("flake.lock", '{ "nodes": { "nixpkgs": { "locked": { "rev": "1111" } } }, "version": 7 }\n');
  locked.commit("locked");
  locked.edit("flake.lock", '"rev": "1111"', '"rev": "2222"');
  const run = runTypeflake(["-C", locked.root, "plan", "--json"], locked.root);
  expect(run.status, describeRun(["plan"], run)).toBe(0);
  const updated = JSON.parse(run.stdout);
  expect(updated.summary.deploy).toEqual(["compute", "gateway", "nas"]);
  expect(updated.hosts.map((host: { changedNix: string[] }) => host.changedNix)).toEqual([["flake.lock"], ["flake.lock"], ["flake.lock"]]);
});

test("a removed host is listed and not deployed; the rest deploy exactly where the Nix changed", () => {
  expect(plan.hosts.map((host) => `${host.name} ${host.status}`)).toEqual([
    "compute change",
    "edge add",
    "gateway change",
    "nas change",
    "old remove",
    "printer change",
  ]);
  expect(plan.summary.deploy).toEqual(["compute", "edge", "gateway", "nas", "printer"]);
  expect(lines("old")).toEqual([]);
});
