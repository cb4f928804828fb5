/** A Raspberry Pi running Pi-hole style DNS. */
import { defineHost, secret, unstablePkg, wireguard } from "typeflake";

export default defineHost({
  system: "aarch64-linux",
  address: "192.168.1.2",
  hardware: "./hardware.nix",
  deploy: { tags: ["arm"], remoteBuild: true },
  packages: [unstablePkg("dnsutils")],
  firewall: { allowedTCPPorts: [53], allowedUDPPorts: [53] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.9.0.2/24"],
        listenPort: 51820,
        privateKey: secret("wg-pi"),
        publicKey: "0zKQfKPJPYC/I06OsqtSsRjyiszFaniVXyO7onWBjdA=",
        mesh: "home",
      },
    }),
  },
});
