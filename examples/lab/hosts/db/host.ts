/** Lab host db. */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.20",
  hardware: "./hardware.nix",
  deploy: { tags: ["data"] },
  firewall: { allowedTCPPorts: [5432] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.20/24"],
        privateKey: secret("wireguard/db"),
        publicKey: "3OontgXfYwZ0jn9pJqypVw3qDj/PGiPz4dTA6iGSBiA=",
        join: { host: "gw" },
      },
    }),
  },
});
