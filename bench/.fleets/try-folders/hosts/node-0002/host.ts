import { defineHost, secret } from "typeflake";

export default defineHost({
  address: "10.1.0.3",
  modules: ["common", "monitoring"],
  services: {
    samba: {
      global: { security: "user", serverMinProtocol: "SMB3", workgroup: "BENCH" },
      shares: {
        media: { path: "/srv/media", readOnly: false, validUsers: ["media"] },
        backups: { path: "/srv/backups", readOnly: false, validUsers: ["backup"], comment: "backups of node-0002" },
      },
    },
    nfs: { exports: [{ path: "/srv/media", clients: [{ host: "10.1.0.0/16", options: ["rw", "sync", "no_subtree_check"] }] }] },
    nginx: {
      recommendedProxySettings: true,
      virtualHosts: { "node-0002.bench.lab": { locations: { "/": { proxyPass: "http://127.0.0.1:8080" } } } },
    },
    wireguard: {
      wg0: { ips: ["10.100.0.3/16"], privateKey: secret("wireguard-key"), publicKey: "jM/TYoyPRKaPJCeQty+ZzO5xgNRBgetKOmR8o29BHvY=", join: { host: "hub" } },
    },
  },
  users: { media: { isNormalUser: false, group: "media" }, backup: { isNormalUser: false, group: "backup" } },
  groups: { media: {}, backup: {} },
});
