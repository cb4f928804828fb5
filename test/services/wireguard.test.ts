import { describe, expect, it } from "vitest";
import { secret } from "../../dsl/expressions.ts";
import type { HostInput } from "../../dsl/host.ts";
import { wireguardSchema } from "../../services/wireguard/schema.ts";
import { lowerServices } from "../../generators/lower/services.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { buildFleet, schemaIssues, servicesContext, servicesOf } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";
import { WG } from "./support/keys.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const lowerHost = (fleet: Fleet, name: string) => lowerServices(servicesOf(fleet, name), servicesContext(fleet, { host: name }));
const valueAt = (fleet: Fleet, name: string, ...path: string[]) =>
  lowerHost(fleet, name).definitions.find((definition) => definition.path.join(".") === path.join("."))?.value;
const peersOf = (fleet: Fleet, name: string, iface = "wg0") => valueAt(fleet, name, "networking", "wireguard", "interfaces", iface, "peers");

const spoke = (address: string, tunnel: string, publicKey: string | undefined, extra: object = {}): HostInput => ({
  address,
  services: { wireguard: { wg0: { ips: [tunnel], privateKey: secret("wireguard-key"), ...(publicKey ? { publicKey } : {}), join: { host: "gateway" }, ...extra } } },
});

const hubAndSpokes = (gateway: object = {}, spokes: Record<string, HostInput> = {}) =>
  buildFleet({
    hosts: {
      gateway: {
        address: "10.0.20.1",
        services: {
          wireguard: {
            wg0: {
              ips: ["10.100.0.1/24"],
              listenPort: 51820,
              privateKey: secret("wireguard-key"),
              publicKey: WG.gateway,
              peers: [{ publicKey: WG.laptop, allowedIPs: ["10.100.0.9/32"] }],
              ...gateway,
            },
          },
        },
      },
      nas: spoke("10.0.20.10", "10.100.0.2/24", WG.nas),
      compute: spoke("10.0.20.11", "10.100.0.3/24", WG.compute),
      ...spokes,
    },
  });

describe("wireguard lowering", () => {
  it("reproduces the homelab's gateway wg0: ips, port, key file from the secret, the hosts that join it as peers; UDP 51820", () => {
    const fleet = homelab();
    const { definitions, ports, diagnostics } = lowerHost(fleet, "gateway");
    expect(diagnostics).toEqual([]);
    const wg0 = definitions.filter((definition) => definition.path[1] === "wireguard");
    expect(wg0).toEqual([
      { path: ["networking", "wireguard", "interfaces", "wg0", "ips"], value: ["10.100.0.1/24"], origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "wireguard", "wg0", "ips"] } },
      { path: ["networking", "wireguard", "interfaces", "wg0", "listenPort"], value: 51820, origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "wireguard", "wg0", "listenPort"] } },
      {
        path: ["networking", "wireguard", "interfaces", "wg0", "privateKeyFile"],
        value: secret("wireguard-key").path,
        origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "wireguard", "wg0", "privateKey"] },
      },
      {
        path: ["networking", "wireguard", "interfaces", "wg0", "peers"],
        value: [
          { name: "compute", publicKey: "LVZAQ+4wTCBix3HIFlXyK9hh07aOfo9PnoaM8+MsgHA=", allowedIPs: ["10.100.0.3/32"] },
          { name: "nas", publicKey: "VTPUF2SpJ11k4PFoRNDg4h+NfVG3blLvYUqNn2ThYbA=", allowedIPs: ["10.100.0.2/32"] },
        ],
        origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "wireguard", "wg0", "peers"] },
      },
    ]);
    expect(ports.filter((port) => port.protocol === "udp")).toEqual([
      { protocol: "udp", port: 51820, service: "wireguard wg0", open: true, origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "wireguard", "wg0", "listenPort"] } },
    ]);
  });

  it("writes hand-written peers fully: endpoint, keepalive, pre-shared key file, name", () => {
    const fleet = buildFleet({
      hosts: {
        a: {
          address: "10.0.0.1",
          services: {
            wireguard: {
              wg1: {
                ips: ["10.9.0.1/24"],
                privateKey: secret("wg1").path,
                mtu: 1380,
                openFirewall: false,
                listenPort: 51821,
                peers: [{ name: "phone", publicKey: WG.phone, allowedIPs: ["10.9.0.5/32"], endpoint: "[2001:db8::1]:51820", persistentKeepalive: 25, presharedKey: secret("wg-psk") }],
              },
            },
          },
        },
      },
    });
    const { definitions, ports } = lowerHost(fleet, "a");
    expect(Object.fromEntries(definitions.map((definition) => [definition.path.at(-1), definition.value]))).toEqual({
      ips: ["10.9.0.1/24"],
      listenPort: 51821,
      mtu: 1380,
      privateKeyFile: secret("wg1").path,
      peers: [{ name: "phone", publicKey: WG.phone, allowedIPs: ["10.9.0.5/32"], endpoint: "[2001:db8::1]:51820", persistentKeepalive: 25, presharedKeyFile: secret("wg-psk").path }],
    });
    expect(ports[0]?.open).toBe(false);
  });

  it("hub and spoke: each spoke gets the hub, the hub gets every spoke after its own peers, sorted by host", () => {
    const fleet = hubAndSpokes();
    expect(lowerHost(fleet, "gateway").diagnostics).toEqual([]);
    expect(peersOf(fleet, "gateway")).toEqual([
      { publicKey: WG.laptop, allowedIPs: ["10.100.0.9/32"] },
      { name: "compute", publicKey: WG.compute, allowedIPs: ["10.100.0.3/32"] },
      { name: "nas", publicKey: WG.nas, allowedIPs: ["10.100.0.2/32"] },
    ]);
    expect(peersOf(fleet, "nas")).toEqual([
      { name: "gateway", publicKey: WG.gateway, allowedIPs: ["10.100.0.0/24"], endpoint: "10.0.20.1:51820", persistentKeepalive: 25 },
    ]);
    expect(lowerHost(fleet, "nas").ports).toEqual([]);
  });

  it("a spoke may route more through the hub, change the keepalive, and reach the hub at a public name", () => {
    const fleet = hubAndSpokes({ endpointAddress: "vpn.example.com" }, {
      nas: spoke("10.0.20.10", "10.100.0.2/24", WG.nas, { join: { host: "gateway", interface: "wg0", allowedIPs: ["0.0.0.0/0"], persistentKeepalive: 0 } }),
    });
    expect(peersOf(fleet, "nas")).toEqual([{ name: "gateway", publicKey: WG.gateway, allowedIPs: ["0.0.0.0/0"], endpoint: "vpn.example.com:51820" }]);
  });

  it("full mesh: every member peers with every other, with endpoints where they listen", () => {
    const member = (address: string, tunnel: string, publicKey: string, listenPort?: number): HostInput => ({
      address,
      services: { wireguard: { mesh0: { ips: [tunnel], privateKey: secret("wireguard-key"), publicKey, mesh: "lab", ...(listenPort ? { listenPort } : {}) } } },
    });
    const fleet = buildFleet({
      hosts: {
        nas: member("10.0.20.10", "10.200.0.1/24", WG.nas, 51820),
        compute: member("10.0.20.11", "10.200.0.2/24", WG.compute, 51821),
        gateway: member("fd00::1", "fd10::3/64", WG.gateway, 51822),
        laptop: member("10.0.30.5", "10.200.0.4/24", WG.laptop),
      },
    });
    expect(peersOf(fleet, "nas", "mesh0")).toEqual([
      { name: "compute", publicKey: WG.compute, allowedIPs: ["10.200.0.2/32"], endpoint: "10.0.20.11:51821" },
      { name: "gateway", publicKey: WG.gateway, allowedIPs: ["fd10::3/128"], endpoint: "[fd00::1]:51822" },
      { name: "laptop", publicKey: WG.laptop, allowedIPs: ["10.200.0.4/32"] },
    ]);
    expect((peersOf(fleet, "laptop", "mesh0") as unknown[]).length).toBe(3);
  });

  it("reports each missing key or port once, at the host that lacks it", () => {
    const fleet = hubAndSpokes({ publicKey: undefined, listenPort: undefined }, { compute: spoke("10.0.20.11", "10.100.0.3/24", undefined) });
    const gateway = lowerHost(fleet, "gateway").diagnostics;
    expect(gateway.map((d) => [d.code, d.origin.objectPath.join("."), messageOf(d)])).toEqual([
      ["missing-public-key", "services.wireguard.wg0", 'hosts "compute", "nas" join this interface: set publicKey so they can add this host as their peer'],
      ["missing-listen-port", "services.wireguard.wg0", 'hosts "compute", "nas" join this interface: set listenPort (e.g. 51820) so they can reach it'],
    ]);
    expect(gateway[0]?.related).toEqual([
      { file: "hosts/compute/host.ts", objectPath: ["services", "wireguard", "wg0", "join"] },
      { file: "hosts/nas/host.ts", objectPath: ["services", "wireguard", "wg0", "join"] },
    ]);
    // The hub still gets the spoke that has a key; the spokes cannot reach a hub without key and port.
    expect(peersOf(fleet, "gateway")).toEqual([
      { publicKey: WG.laptop, allowedIPs: ["10.100.0.9/32"] },
      { name: "nas", publicKey: WG.nas, allowedIPs: ["10.100.0.2/32"] },
    ]);
    expect(lowerHost(fleet, "nas").diagnostics).toEqual([]);
    expect(peersOf(fleet, "nas")).toBeUndefined();
    expect(lowerHost(fleet, "compute").diagnostics.map((d) => [d.code, d.origin.file, d.origin.objectPath.join(".")])).toEqual([
      ["missing-public-key", "hosts/compute/host.ts", "services.wireguard.wg0"],
    ]);
  });

  it("locates joins of unknown hosts, unknown interfaces and the host itself", () => {
    const codes = (join: object) => {
      const fleet = hubAndSpokes({}, { nas: spoke("10.0.20.10", "10.100.0.2/24", WG.nas, { join }) });
      return lowerHost(fleet, "nas").diagnostics.map((d) => [d.code, d.origin.objectPath.join("."), messageOf(d)]);
    };
    expect(codes({ host: "gatway" })).toEqual([
      ["unknown-host", "services.wireguard.wg0.join.host", 'there is no host "gatway" in the fleet (no hosts/gatway/host.ts); did you mean "gateway"? The hosts are "compute", "gateway", "nas".'],
    ]);
    expect(codes({ host: "gateway", interface: "wg1" })).toEqual([
      ["unknown-wireguard-interface", "services.wireguard.wg0.join.interface", 'host "gateway" declares no WireGuard interface "wg1" in its host file; did you mean "wg0"? Its interfaces are "wg0".'],
    ]);
    expect(codes({ host: "nas" })[0]?.[0]).toBe("wireguard-join-self");
  });

  it("refuses join and mesh in a shared module, where there is no host to derive from", () => {
    const fleet = buildFleet({ hosts: {}, modules: { vpn: { services: { wireguard: { wg0: { ips: ["10.1.0.1/24"], privateKey: secret("k"), mesh: "lab" } } } } } });
    const module = fleet.modules[0]!;
    const { diagnostics } = lowerServices(module.config.services, servicesContext(fleet, { module: "vpn" }));
    expect(diagnostics.map((d) => [d.code, d.origin.file, d.origin.objectPath.join(".")])).toEqual([["wireguard-needs-host", "modules/vpn.ts", "services.wireguard.wg0.mesh"]]);
  });
});

describe("wireguard schema", () => {
  const issues = (input: unknown) => schemaIssues(wireguardSchema, input);
  const wg0 = (fields: object) => ({ wg0: { ips: ["10.100.0.1/24"], privateKey: secret("wireguard-key"), ...fields } });

  it("refuses an inline private key, recognising a WireGuard key by its shape", () => {
    expect(issues(wg0({ privateKey: WG.inlinePrivate }))).toEqual([
      {
        path: ["wg0", "privateKey"],
        message:
          'looks like an inline WireGuard private key; keys are never written in clear. Add it to the fleet\'s encrypted secrets and write secret("wireguard-key") here instead',
      },
    ]);
    expect(issues(wg0({ privateKey: "/run/keys/wg" }))[0]?.message).toMatch(/^must be a secret reference such as secret\("wireguard-key"\)/);
    expect(issues(wg0({ peers: [{ publicKey: WG.laptop, allowedIPs: ["10.0.0.2/32"], presharedKey: WG.inlinePrivate }] }))[0]?.path).toEqual(["wg0", "peers", 0, "presharedKey"]);
  });

  it("refuses bad addresses, keys and endpoints, and join with mesh", () => {
    expect(issues(wg0({ ips: ["10.100.0.1"] }))[0]?.path).toEqual(["wg0", "ips", 0]);
    expect(issues(wg0({ publicKey: "abc123..." }))[0]?.path).toEqual(["wg0", "publicKey"]);
    expect(issues(wg0({ peers: [{ publicKey: WG.laptop, allowedIPs: ["10.0.0.2/32"], endpoint: "vpn.example.com" }] }))[0]?.message).toContain("must be host:port");
    expect(issues(wg0({ join: { host: "gateway" }, mesh: "lab" }))).toEqual([
      { path: ["wg0", "mesh"], message: "an interface either joins a hub or belongs to a mesh, not both; use a second interface for the other" },
    ]);
    expect(issues({ "wireguard-tunnel0": { ips: ["10.0.0.1/24"], privateKey: secret("k") } })[0]?.message).toContain("network interface name");
  });
});
