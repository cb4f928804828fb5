/** The desktop tower, also the fleet's build machine. */
import { defineHost, mkForce, nix, secret, wireguard } from "typeflake";

export default defineHost({
  address: "192.168.1.3",
  hardware: "./hardware.nix",
  deploy: { tags: ["x86"] },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.9.0.3/24"],
        listenPort: 51820,
        privateKey: secret("wg-tower"),
        publicKey: "s5W5YtNYSFD3xsa2TQvsZ/cWB2A6RRxgAKki4IfIJaA=",
        mesh: "home",
      },
    }),
  },
  nixos: {
    boot: { kernelPackages: nix`pkgs.linuxPackages_latest` },
    networking: { firewall: { allowPing: mkForce(false) } },
  },
});
