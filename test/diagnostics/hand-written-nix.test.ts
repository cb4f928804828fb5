/**
 * A host that imports hand-written Nix (its `hardware` file, or `imports` of its host file or of
 * a module it uses) may set any option there, where typeflake does not look. A check that fails
 * because an option is unset only warns for such a host, naming the files, and the fleet is
 * generated; a value typeflake does see is still refused. An ACME account in a raw `nixos` block
 * serves a typed `enableACME`. Each case runs `typeflake generate --json` on a fleet on disk.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { BASE_FLEET, hostFile, moduleFile } from "./support/fleet-text.ts";
import { runGenerate } from "./support/run-generate.ts";
import { removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

const HARDWARE = `{ ... }: {\n  networking.hostId = "a1b2c3d4";\n}\n`;
const NAMES = "defineHost, nginx, nodeExporter";
const nas = (body: string, extra: FleetFiles = {}): FleetFiles => ({
  "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n${body}`, NAMES),
  "hosts/nas/hardware.nix": HARDWARE,
  ...extra,
});

const UNLESS_HARDWARE = "unless its hand-written hosts/nas/hardware.nix sets it (typeflake does not read hand-written Nix)";

interface Case {
  readonly name: string;
  readonly files: FleetFiles;
  /** `code: part of the message` of each warning, in order; the run must succeed. */
  readonly warnings: readonly string[];
}

const WARNING_CASES: readonly Case[] = [
  {
    name: "typed ZFS pools without a host id, on a host with a hardware file",
    files: nas(`  hardware: "./hardware.nix",\n  zfs: { pools: ["tank"] },`),
    warnings: [`zfs-needs-host-id: sets no host id ${UNLESS_HARDWARE}.`],
  },
  {
    name: "ZFS switched on in a raw block, on a host whose module imports hand-written Nix",
    files: {
      ...nas(`  modules: ["common"],\n  nixos: { boot: { zfs: { extraPools: ["tank"] } } },`),
      "modules/common.ts": moduleFile(`  imports: ["./zfs-host.nix"],`),
      "modules/zfs-host.nix": HARDWARE,
    },
    warnings: ['zfs-needs-host-id: so the build would fail with "ZFS requires networking.hostId to be set" unless its hand-written modules/zfs-host.nix sets it'],
  },
  {
    name: "HTTPS in a raw block with no certificate, on a host with a hardware file and imports",
    files: nas(`  hardware: "./hardware.nix",\n  imports: ["./tls.nix"],\n  nixos: { services: { nginx: { enable: true, virtualHosts: { "a.example.com": { forceSSL: true } } } } },`, {
      "hosts/nas/tls.nix": `{ ... }: { }\n`,
    }),
    warnings: ["nginx-missing-certificate: unless one of its hand-written files hosts/nas/hardware.nix, hosts/nas/tls.nix sets it"],
  },
  {
    name: "a raw WireGuard interface with neither key, on a host with a hardware file",
    files: nas(`  hardware: "./hardware.nix",\n  nixos: { networking: { wireguard: { interfaces: { wg0: { ips: ["10.100.0.1/24"] } } } } },`),
    warnings: [`wireguard-private-key: sets neither privateKey nor privateKeyFile, so the build would fail with "Either networking.wireguard.interfaces.wg0.privateKey or networking.wireguard.interfaces.wg0.privateKeyFile must be set." ${UNLESS_HARDWARE}`],
  },
  {
    name: "an exporter's firewallFilter without openFirewall, on a host with a hardware file",
    files: nas(`  hardware: "./hardware.nix",\n  nixos: { services: { prometheus: { exporters: { node: { enable: true, firewallFilter: "-p tcp -m tcp --dport 9100" } } } } },`),
    warnings: [`exporter-filter-without-firewall: ${UNLESS_HARDWARE}`],
  },
  {
    name: "a raw certificate request without terms or address, on a host with a hardware file",
    files: nas(`  hardware: "./hardware.nix",\n  nixos: { security: { acme: { certs: { "a.example.com": { webroot: "/var/lib/acme/acme-challenge" } } } } },`),
    warnings: [`acme-terms-not-accepted: ${UNLESS_HARDWARE}`, `acme-missing-email: ${UNLESS_HARDWARE}`],
  },
];

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

const generate = async (files: FleetFiles) => {
  const root = await writeFleet({ ...BASE_FLEET, ...files });
  roots.push(root);
  const run = await runGenerate(root, "--json");
  return { root, run, diagnostics: JSON.parse(run.stdout) as DiagnosticRecord[] };
};

describe("hand-written Nix a host imports", () => {
  it.each(WARNING_CASES.map((testCase) => [testCase.name, testCase] as const))("%s: a warning naming the files, and the fleet is generated", async (_, testCase) => {
    const { root, run, diagnostics } = await generate(testCase.files);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(diagnostics.map((record) => record.severity)).toEqual(testCase.warnings.map(() => "warning"));
    testCase.warnings.forEach((expected, index) => {
      const [code, message] = expected.split(/: (.*)/s) as [string, string];
      expect(diagnostics[index]?.code).toBe(code);
      expect(diagnostics[index]?.message).toContain(message);
    });
    await access(join(root, "hosts/nas/default.nix"));
  });

  it("still refuses what typeflake sees: a host id set to null, and both WireGuard keys", async () => {
    const { run, diagnostics } = await generate(
      nas(
        `  hardware: "./hardware.nix",\n  nixos: {\n    boot: { zfs: { extraPools: ["tank"] } },\n    networking: { hostId: null, wireguard: { interfaces: { wg0: { ips: ["10.100.0.1/24"], privateKey: "x", privateKeyFile: "/run/wg" } } } },\n  },`,
      ),
    );
    expect(run.exitCode).toBe(1);
    expect(diagnostics.map((record) => `${record.severity} ${record.code}`).sort()).toEqual(["error wireguard-private-key", "error zfs-needs-host-id"]);
    expect(diagnostics.every((record) => !record.message.includes("hand-written"))).toBe(true);
  });

  it("takes a typed enableACME's account from a raw block of the same host", async () => {
    const { run, diagnostics } = await generate(
      nas(
        `  services: { nginx: nginx({ virtualHosts: { "a.example.com": { enableACME: true, forceSSL: true } } }) },\n  nixos: { security: { acme: { acceptTerms: true, defaults: { email: "admin@example.com" } } } },`,
      ),
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(diagnostics).toEqual([]);
  });

  it("warns of a typed enableACME with no account on a host that imports hand-written Nix, which may hold it", async () => {
    const { run, diagnostics } = await generate(
      nas(`  hardware: "./hardware.nix",\n  services: { nginx: nginx({ virtualHosts: { "a.example.com": { enableACME: true, forceSSL: true } } }) },`),
    );
    expect(run.exitCode).toBe(0);
    expect(diagnostics.map((record) => `${record.severity} ${record.code}`)).toEqual(["warning acme-terms-not-accepted", "warning acme-missing-email"]);
  });
});
