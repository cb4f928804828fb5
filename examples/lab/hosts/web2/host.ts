/** Lab host web2. */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.12",
  hardware: "./hardware.nix",
  deploy: { tags: ["web"] },
  firewall: { allowedTCPPorts: [8080] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.12/24"],
        privateKey: secret("wireguard/web2"),
        publicKey: "e6Ie+GRZoSmA/ettwSIBb1VWamvzw5mvkOQm882Y6zA=",
        join: { host: "gw" },
      },
    }),
  },
});
