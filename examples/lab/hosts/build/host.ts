/** Lab host build. */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.40",
  hardware: "./hardware.nix",
  deploy: { tags: ["ops"], remoteBuild: true },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.40/24"],
        privateKey: secret("wireguard/build"),
        publicKey: "XoPy0vuoNT/NJVxRI281cyBLli1PJBqrpFqICD0buRA=",
        join: { host: "gw" },
      },
    }),
  },
});
