/**
 * The topology behind the inventory's diagram: WireGuard hubs, meshes and hand-written peers,
 * nginx proxies to fleet hosts (by reference or by address), NFS exports and mounts.
 */
import { describe, expect, it } from "vitest";
import { host, secret } from "../../dsl/expressions.ts";
import { fleetTopology } from "../../generators/inventory/topology.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { buildFleet } from "../services/support/fleet.ts";
import { WG } from "../services/support/keys.ts";

const tunnel = (ips: string[], extra: Record<string, unknown> = {}) => ({ ips, privateKey: secret("wg"), ...extra });

const FLEET = buildFleet({
  config: { modules: ["proxy"] },
  hosts: {
    gateway: {
      address: "10.0.20.1",
      services: {
        wireguard: {
          wg0: tunnel(["10.100.0.1/24"], { listenPort: 51820, publicKey: WG.gateway, peers: [{ name: "phone", publicKey: WG.phone, allowedIPs: ["10.100.0.9/32"] }] }),
        },
      },
    },
    nas: {
      address: "10.0.20.10",
      services: {
        wireguard: {
          wg0: tunnel(["10.100.0.2/24"], { publicKey: WG.nas, join: { host: "gateway" } }),
          lab: tunnel(["10.200.0.2/24"], { listenPort: 51821, publicKey: WG.laptop, mesh: "lab" }),
        },
        nfs: {
          exports: [
            { path: "/tank/media", clients: [{ host: "10.0.20.0/24" }, { host: host("compute") }, { host: "10.0.20.1" }] },
            { path: "/tank/backup", clients: [{ host: host("compute") }] },
          ],
        },
      },
    },
    compute: {
      address: "10.0.20.11",
      services: {
        wireguard: {
          lab: tunnel(["10.200.0.3/24"], { listenPort: 51821, publicKey: WG.compute, mesh: "lab", peers: [{ publicKey: WG.laptop, allowedIPs: ["10.200.0.2/32"] }] }),
        },
        nfsMounts: { "/mnt/media": { host: host("nas"), export: "/tank/media" } },
      },
    },
  },
  modules: {
    proxy: {
      services: {
        nginx: {
          virtualHosts: {
            "grafana.lab.local": { locations: { "/": { proxyPass: host("compute").port(3000) }, "/api/": { proxyPass: "http://10.0.20.10:8080" } } },
            "self.lab.local": { locations: { "/": { proxyPass: "http://127.0.0.1:8000" } } },
          },
        },
      },
    },
  },
});

describe("the fleet topology", () => {
  it("has one box per host, sorted, then outside peers and networks in the order they are met", () => {
    expect(fleetTopology(indexFleet(FLEET)).nodes).toEqual([
      { id: "host_compute", label: ["compute", "10.0.20.11"], kind: "host" },
      { id: "host_gateway", label: ["gateway", "10.0.20.1"], kind: "host" },
      { id: "host_nas", label: ["nas", "10.0.20.10"], kind: "host" },
      { id: "ext_1", label: ["phone", "10.100.0.9/32"], kind: "external" },
      { id: "ext_2", label: ["10.0.20.0/24"], kind: "external" },
    ]);
  });

  it("links hubs, meshes and peers once each, proxies to fleet hosts (not to themselves), and NFS from server to client", () => {
    expect(fleetTopology(indexFleet(FLEET)).edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}: ${edge.label}`)).toEqual([
      "host_compute wireguard host_nas: WireGuard lab",
      "host_gateway wireguard ext_1: WireGuard wg0",
      "host_nas wireguard host_gateway: WireGuard wg0",
      "host_compute proxy host_nas: grafana.lab.local /api/ → :8080",
      "host_gateway proxy host_compute: grafana.lab.local → :3000",
      "host_gateway proxy host_nas: grafana.lab.local /api/ → :8080",
      "host_nas proxy host_compute: grafana.lab.local → :3000",
      "host_nas nfs host_compute: NFS /tank/media at /mnt/media",
      "host_nas nfs ext_2: NFS /tank/media",
      "host_nas nfs host_gateway: NFS /tank/media",
      "host_nas nfs host_compute: NFS /tank/backup",
    ]);
  });
});
