/** Every host of the fleet, defined in one loop over a table. */
import { defineHost, secret, type HostInput } from "typeflake";

interface Host {
  readonly name: string;
  readonly address: string;
  readonly tunnelIp: string;
  readonly wireguardKey: string;
  readonly ageKey: string;
}

const HOSTS: readonly Host[] = [
  {"name":"hub","address":"10.1.0.1","tunnelIp":"10.100.0.1/16","wireguardKey":"pMGmXiLmNEbcoGpg5ISHNv113XpuqaNex6lE40AHwyI=","ageKey":"age1xu0jkwgelnualz5efv69wnmvjzxv49v7mq500ata855a66z5r5kkxp3nug"},
  {"name":"node-0001","address":"10.1.0.2","tunnelIp":"10.100.0.2/16","wireguardKey":"UXZqFgrlLHtZnGBKiaSArNf0gRc5cnlHSNMYfGu3DZw=","ageKey":"age1zta5uv7qtzvn37ktmn4s2z9cjwucwrgqvvpnaw3d0ktpjqel6nvk4vf5rq"},
  {"name":"node-0002","address":"10.1.0.3","tunnelIp":"10.100.0.3/16","wireguardKey":"jM/TYoyPRKaPJCeQty+ZzO5xgNRBgetKOmR8o29BHvY=","ageKey":"age1rd77krm3vatxkfjq7u9tt99pxcnftlu628u755lm6qw8r3ywy38c9w5kg4"},
];

const hubHost = (host: Host): HostInput =>
  defineHost({
    address: host.address,
    modules: ["common", "monitoring"],
    services: {
      samba: {
        global: { security: "user", serverMinProtocol: "SMB3", workgroup: "BENCH" },
        shares: {
          media: { path: "/srv/media", readOnly: false, validUsers: ["media"] },
          backups: { path: "/srv/backups", readOnly: false, validUsers: ["backup"], comment: `backups of ${host.name}` },
        },
      },
      nfs: { exports: [{ path: "/srv/media", clients: [{ host: "10.1.0.0/16", options: ["rw", "sync", "no_subtree_check"] }] }] },
      nginx: {
        recommendedProxySettings: true,
        virtualHosts: { [`${host.name}.bench.lab`]: { locations: { "/": { proxyPass: "http://127.0.0.1:8080" } } } },
      },
      wireguard: {
        wg0: { ips: [host.tunnelIp], privateKey: secret("wireguard-key"), publicKey: host.wireguardKey, listenPort: 51820 },
      },
    },
    users: { media: { isNormalUser: false, group: "media" }, backup: { isNormalUser: false, group: "backup" } },
    groups: { media: {}, backup: {} },
  });

const spokeHost = (host: Host): HostInput =>
  defineHost({
    address: host.address,
    modules: ["common", "monitoring"],
    services: {
      samba: {
        global: { security: "user", serverMinProtocol: "SMB3", workgroup: "BENCH" },
        shares: {
          media: { path: "/srv/media", readOnly: false, validUsers: ["media"] },
          backups: { path: "/srv/backups", readOnly: false, validUsers: ["backup"], comment: `backups of ${host.name}` },
        },
      },
      nfs: { exports: [{ path: "/srv/media", clients: [{ host: "10.1.0.0/16", options: ["rw", "sync", "no_subtree_check"] }] }] },
      nginx: {
        recommendedProxySettings: true,
        virtualHosts: { [`${host.name}.bench.lab`]: { locations: { "/": { proxyPass: "http://127.0.0.1:8080" } } } },
      },
      wireguard: {
        wg0: { ips: [host.tunnelIp], privateKey: secret("wireguard-key"), publicKey: host.wireguardKey, join: { host: "hub" } },
      },
    },
    users: { media: { isNormalUser: false, group: "media" }, backup: { isNormalUser: false, group: "backup" } },
    groups: { media: {}, backup: {} },
  });

/** Each host's definition, by name. */
export const hosts: ReadonlyMap<string, HostInput> = new Map(HOSTS.map((host, index) => [host.name, index === 0 ? hubHost(host) : spokeHost(host)]));

/** Each host's age key, for secrets.hostKeys. */
export const hostKeys: Record<string, string> = Object.fromEntries(HOSTS.map((host) => [host.name, host.ageKey]));
