/** Lab host mon. */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.30",
  hardware: "./hardware.nix",
  deploy: { tags: ["ops"] },
  firewall: { allowedTCPPorts: [3000, 9090] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.30/24"],
        privateKey: secret("wireguard/mon"),
        publicKey: "SbuidPlnsQAOp7BJSTHAKIfrQU8GA2Q9zsXrPvzyKpA=",
        join: { host: "gw" },
      },
    }),
  },
});
