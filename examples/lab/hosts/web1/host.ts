/** Lab host web1. */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.11",
  hardware: "./hardware.nix",
  deploy: { tags: ["web"] },
  firewall: { allowedTCPPorts: [8080] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.11/24"],
        privateKey: secret("wireguard/web1"),
        publicKey: "pWZXwkIjhZy+UvYiJ/qO0nqzb9URNV45jfz0DQuyUPA=",
        join: { host: "gw" },
      },
    }),
  },
});
