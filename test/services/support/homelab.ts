/**
 * The reference homelab (the seed article "Managing Your Homelab with Nix Flakes": nas, compute, gateway and the common, monitoring and
 * docker-host modules) written with the service builders, as the tests' shared fleet.
 */
import { host, secret } from "../../../dsl/expressions.ts";
import { docker, nfs, nginx, nodeExporter, openssh, samba, wireguard } from "../../../dsl/services/index.ts";
import type { Fleet } from "../../../generators/model/fleet.ts";
import { buildFleet } from "./fleet.ts";
import { AGE, SSH_KEY, WG } from "./keys.ts";

/** A fresh copy of the homelab fleet, validated by the real schemas. */
export const homelab = (): Fleet =>
  buildFleet({
    config: {
      modules: ["common", "monitoring"],
      secrets: {
        admins: [AGE.admin],
        hostKeys: { gateway: AGE.gateway, nas: AGE.nas, compute: AGE.compute },
        secrets: { "wireguard-key": {}, "database/password": { owner: "postgres" } },
      },
    },
    hosts: {
      nas: {
        address: "10.0.20.10",
        hardware: "./hardware.nix",
        zfs: { hostId: "a1b2c3d4", pools: ["tank"] },
        services: {
          samba: samba({
            global: { security: "user", serverMinProtocol: "SMB3" },
            shares: {
              media: { path: "/tank/media", readOnly: false, validUsers: ["media"] },
              backups: { path: "/tank/backups", readOnly: false, validUsers: ["backup"] },
            },
          }),
          nfs: nfs({ exports: [{ path: "/tank/media", clients: [{ host: "10.0.20.0/24", options: ["rw", "sync", "no_subtree_check"] }] }] }),
        },
      },
      compute: {
        address: "10.0.20.11",
        hardware: "./hardware.nix",
        modules: ["docker-host"],
        firewall: { allowedTCPPorts: [3000] },
        secrets: ["database/password"],
      },
      gateway: {
        address: "10.0.20.1",
        hardware: "./hardware.nix",
        modules: ["networking"],
        sysctl: { "net.ipv4.ip_forward": 1 },
        services: {
          wireguard: wireguard({
            wg0: {
              ips: ["10.100.0.1/24"],
              listenPort: 51820,
              privateKey: secret("wireguard-key"),
              publicKey: WG.gateway,
              peers: [
                { publicKey: WG.laptop, allowedIPs: ["10.100.0.2/32"] },
                { publicKey: WG.phone, allowedIPs: ["10.100.0.3/32"] },
              ],
            },
          }),
          nginx: nginx({
            recommendedProxySettings: true,
            recommendedTlsSettings: true,
            virtualHosts: { "grafana.lab.local": { locations: { "/": { proxyPass: host("compute").port(3000) } } } },
          }),
        },
      },
    },
    modules: {
      common: {
        services: { openssh: openssh() },
        users: { deploy: { description: "Deployment user", sshKeys: [SSH_KEY], deploy: true } },
      },
      monitoring: { services: { nodeExporter: nodeExporter() } },
      "docker-host": { services: { docker: docker({ autoPrune: {}, users: ["deploy"] }) } },
      networking: {},
    },
  });
