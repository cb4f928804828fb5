import { defineHost, secret } from "typeflake";

export default defineHost({
  address: "10.1.0.1",
  modules: ["common", "monitoring"],
  services: {
    samba: {
      global: { security: "user", serverMinProtocol: "SMB3", workgroup: "BENCH" },
      shares: {
        media: { path: "/srv/media", readOnly: false, validUsers: ["media"] },
        backups: { path: "/srv/backups", readOnly: false, validUsers: ["backup"], comment: "backups of hub" },
      },
    },
    nfs: { exports: [{ path: "/srv/media", clients: [{ host: "10.1.0.0/16", options: ["rw", "sync", "no_subtree_check"] }] }] },
    nginx: {
      recommendedProxySettings: true,
      virtualHosts: { "hub.bench.lab": { locations: { "/": { proxyPass: "http://127.0.0.1:8080" } } } },
    },
    wireguard: {
      wg0: { ips: ["10.100.0.1/16"], privateKey: secret("wireguard-key"), publicKey: "pMGmXiLmNEbcoGpg5ISHNv113XpuqaNex6lE40AHwyI=", listenPort: 51820 },
    },
  },
  users: { media: { isNormalUser: false, group: "media" }, backup: { isNormalUser: false, group: "backup" } },
  groups: { media: {}, backup: {} },
});
