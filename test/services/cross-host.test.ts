import { describe, expect, it } from "vitest";
import { host, secret } from "../../dsl/expressions.ts";
import type { HostInput } from "../../dsl/host.ts";
import type { NfsInput } from "../../services/nfs/schema.ts";
import type { Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { fleetOptions } from "../../generators/validate/assertions/host-options.ts";
import { checkCrossHost } from "../../generators/validate/cross-host/index.ts";
import { buildFleet, lowered } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";
import { AGE, WG } from "./support/keys.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

/** The cross-host problems of `fleet`, lowered and merged as the pipeline does. */
const crossHost = (fleet: Fleet) => {
  const lowering = lowered(fleet);
  return checkCrossHost(lowering, fleetOptions(lowering));
};

const located = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => ({ code: d.code, file: d.origin.file, path: d.origin.objectPath, related: d.related, message: messageOf(d) }));

const tunnelHost = (address: string, ips: string[], publicKey: string, fields: object = {}): HostInput => ({
  address,
  services: { wireguard: { wg0: { ips, privateKey: secret("wireguard-key"), publicKey, ...fields } } },
});
const withKeys = { secrets: { hostKeys: { gateway: AGE.gateway, nas: AGE.nas, compute: AGE.compute }, secrets: { "wireguard-key": {} } } };

describe("checkCrossHost", () => {
  it("finds nothing wrong with the reference homelab", () => {
    expect(crossHost(homelab())).toEqual([]);
  });

  it("locates a hand-written peer whose allowedIPs miss the tunnel address of the host its key belongs to", () => {
    const fleet = buildFleet({
      config: withKeys,
      hosts: {
        gateway: tunnelHost("10.0.20.1", ["10.100.0.1/24"], WG.gateway, { listenPort: 51820, peers: [{ publicKey: WG.nas, allowedIPs: ["10.100.0.3/32"] }] }),
        nas: tunnelHost("10.0.20.10", ["10.100.0.2/24"], WG.nas),
      },
    });
    expect(located(crossHost(fleet))).toEqual([
      {
        code: "peer-allowed-ips-mismatch",
        file: "hosts/gateway/host.ts",
        path: ["services", "wireguard", "wg0", "peers", 0, "allowedIPs"],
        related: [{ file: "hosts/nas/host.ts", objectPath: ["services", "wireguard", "wg0", "ips"] }],
        message: `this peer's publicKey is nas's (wg0), whose tunnel address is 10.100.0.2, but allowedIPs ["10.100.0.3/32"] do not route 10.100.0.2; use ["10.100.0.2/32"]`,
      },
    ]);
  });

  it("locates a peer that routes another host's tunnel address under a different key", () => {
    const fleet = buildFleet({
      config: withKeys,
      hosts: {
        gateway: tunnelHost("10.0.20.1", ["10.100.0.1/24"], WG.gateway, { peers: [{ publicKey: WG.laptop, allowedIPs: ["10.100.0.9/32", "10.100.0.2/32"] }] }),
        nas: tunnelHost("10.0.20.10", ["10.100.0.2/24"], WG.nas),
      },
    });
    expect(located(crossHost(fleet)).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "peer-allowed-ips-mismatch", path: ["services", "wireguard", "wg0", "peers", 0, "allowedIPs", 1] },
    ]);
  });

  it("locates the second of two hosts with one tunnel address, pointing at the first", () => {
    const fleet = buildFleet({
      config: withKeys,
      hosts: {
        compute: tunnelHost("10.0.20.11", ["10.100.0.2/24"], WG.compute),
        nas: tunnelHost("10.0.20.10", ["10.100.0.5/24", "10.100.0.2/24"], WG.nas),
      },
    });
    expect(located(crossHost(fleet))).toEqual([
      {
        code: "duplicate-tunnel-address",
        file: "hosts/nas/host.ts",
        path: ["services", "wireguard", "wg0", "ips", 1],
        related: [{ file: "hosts/compute/host.ts", objectPath: ["services", "wireguard", "wg0", "ips", 0] }],
        message: "tunnel address 10.100.0.2 is already compute's (wg0); give each host its own address in the tunnel network",
      },
    ]);
  });

  it("locates an upstream on a port its host keeps closed, and accepts ports opened by services", () => {
    const proxy = (target: ReturnType<typeof host>, port: number) => ({ services: { nginx: { virtualHosts: { "app.lab.local": { locations: { "/": { proxyPass: target.port(port) } } } } } } });
    const fleet = buildFleet({
      config: { modules: ["monitoring"] },
      hosts: {
        gateway: { address: "10.0.20.1", ...proxy(host("compute"), 3000) },
        compute: { address: "10.0.20.11", firewall: { allowedTCPPortRanges: [{ from: 8000, to: 8100 }] }, nixos: { environment: { etc: { a: { text: host("nas").port(9100) }, b: { text: host("nas").port(445) }, c: { text: host("compute").port(1) }, f: { text: host("router").port(5555) } } } } },
        nas: { address: "10.0.20.10", services: { samba: { shares: {}, openFirewall: false } } },
        router: { address: "10.0.20.254", firewall: { enable: false } },
      },
      // The exporter opens 9100 on wg0 only: a connection through the tunnel is not refused.
      modules: { monitoring: { services: { nodeExporter: { openFirewall: ["wg0"] } }, nixos: { environment: { etc: { e: { text: host("compute").port(8080) } } } } } },
    });
    expect(located(crossHost(fleet))).toEqual([
      {
        code: "upstream-port-closed",
        file: "hosts/compute/host.ts",
        path: ["nixos", "environment", "etc", "b", "text"],
        related: [{ file: "hosts/nas/host.ts", objectPath: ["firewall"] }],
        message:
          'host "nas" does not open TCP port 445 in its firewall, so this connection would be refused; add 445 to firewall.allowedTCPPorts in hosts/nas/host.ts (or configure the service listening there with a typeflake builder, which opens its port)',
      },
      expect.objectContaining({ code: "upstream-port-closed", file: "hosts/gateway/host.ts", path: ["services", "nginx", "virtualHosts", "app.lab.local", "locations", "/", "proxyPass"] }),
    ]);
  });

  it("reports the homelab's grafana upstream once compute stops opening 3000", () => {
    const fleet = homelab();
    const compute = fleet.hosts.find((entry) => entry.name === "compute")!;
    const closed = { ...fleet, hosts: fleet.hosts.map((entry) => (entry === compute ? { ...compute, config: { ...compute.config, firewall: undefined } } : entry)) };
    expect(located(crossHost(closed)).map(({ code, file, path }) => ({ code, file, path }))).toEqual([
      { code: "upstream-port-closed", file: "hosts/gateway/host.ts", path: ["services", "nginx", "virtualHosts", "grafana.lab.local", "locations", "/", "proxyPass"] },
    ]);
  });

  describe("NFS mounts", () => {
    const fleetMounting = (exports: NfsInput | undefined, client: Partial<HostInput> & { address: string }, mountExport = "/tank/media") =>
      buildFleet({
        hosts: {
          nas: { address: "10.0.20.10", services: exports ? { nfs: exports } : {} },
          compute: { ...client, services: { nfsMounts: { "/mnt/media": { host: host("nas"), export: mountExport } } } },
        },
      });
    const media = (clientHost: NfsInput["exports"][number]["clients"][number]["host"]): NfsInput => ({
      exports: [{ path: "/tank/media", clients: [{ host: clientHost, options: ["rw"] }] }],
    });

    it("accepts a client inside the export's network, named by address, by host reference or by everyone", () => {
      for (const clientHost of ["10.0.20.0/24", "10.0.20.11", host("compute"), "*"])
        expect(crossHost(fleetMounting(media(clientHost), { address: "10.0.20.11" }))).toEqual([]);
      expect(crossHost(fleetMounting(media("*.lab.local"), { address: "compute.lab.local" }))).toEqual([]);
    });

    it("locates a mount whose host is outside every client network of the export", () => {
      expect(located(crossHost(fleetMounting(media("10.0.20.0/24"), { address: "10.0.30.11" })))).toEqual([
        {
          code: "nfs-client-not-allowed",
          file: "hosts/compute/host.ts",
          path: ["services", "nfsMounts", "/mnt/media"],
          related: [{ file: "hosts/nas/host.ts", objectPath: ["services", "nfs", "exports", 0, "clients"] }],
          message:
            'nas exports "/tank/media" only to 10.0.20.0/24, which does not include compute (10.0.30.11), so mounting /mnt/media would be refused; add a client entry for it to that export',
        },
      ]);
      expect(located(crossHost(fleetMounting(media(host("gateway")), { address: "10.0.20.11" })))[0]?.code).toBe("nfs-client-not-allowed");
    });

    it("locates mounts of directories not exported and of hosts without NFS", () => {
      expect(located(crossHost(fleetMounting(media("*"), { address: "10.0.20.11" }, "/tank/music")))).toEqual([
        {
          code: "nfs-export-missing",
          file: "hosts/compute/host.ts",
          path: ["services", "nfsMounts", "/mnt/media", "export"],
          related: [{ file: "hosts/nas/host.ts", objectPath: ["services", "nfs", "exports", 0] }],
          message: 'host "nas" does not export "/tank/music"; its exports are "/tank/media"',
        },
      ]);
      expect(located(crossHost(fleetMounting(undefined, { address: "10.0.20.11" })))[0]).toMatchObject({ code: "nfs-server-missing", path: ["services", "nfsMounts", "/mnt/media", "host"] });
    });

    it("checks a module's mount for every host using it, naming the host", () => {
      const fleet = buildFleet({
        config: { modules: ["media"] },
        hosts: {
          nas: { address: "10.0.20.10", services: { nfs: media("10.0.20.0/24") } },
          laptop: { address: "10.0.40.2" },
        },
        modules: { media: { services: { nfsMounts: { "/mnt/media": { host: host("nas"), export: "/tank/media" } } } } },
      });
      expect(located(crossHost(fleet)).map(({ code, file, message }) => [code, file, message.split(",")[0]])).toEqual([
        ["nfs-client-not-allowed", "modules/media.ts", 'nas exports "/tank/media" only to 10.0.20.0/24'],
      ]);
      expect(messageOf(crossHost(fleet)[0]!)).toContain("does not include laptop (10.0.40.2)");
    });
  });

  it("locates a secret used by a host that has no key to decrypt it", () => {
    const fleet = homelab();
    const config = { ...fleet.config, secrets: { ...fleet.config.secrets!, hostKeys: { nas: AGE.nas, compute: AGE.compute } } };
    expect(located(crossHost({ ...fleet, config }))).toEqual([
      {
        code: "secret-not-decryptable",
        file: "hosts/gateway/host.ts",
        path: ["services", "wireguard", "wg0", "privateKey"],
        related: [{ file: "typeflake.config.ts", objectPath: ["secrets", "hostKeys"] }],
        message:
          'host "gateway" uses secret "wireguard-key" but has no age key in secrets.hostKeys, so it cannot decrypt it; add hostKeys: { "gateway": "age1…" } to typeflake.config.ts (the host\'s key, e.g. `ssh-to-age < /etc/ssh/ssh_host_ed25519_key.pub`)',
      },
    ]);
  });
});
