/** One small server reachable over SSH. */
import { defineHost, openssh, pkg } from "typeflake";

export default defineHost({
  address: "192.168.1.20",
  hardware: "./hardware.nix",
  timeZone: "Europe/Berlin",
  packages: [pkg("htop")],
  services: { openssh: openssh({ permitRootLogin: "prohibit-password" }) },
  users: {
    admin: {
      extraGroups: ["wheel"],
      sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBk3tHh1i8X3bVxu9X4m5Yk9yD4o8nC0M8zN3wqPp5Lq me@laptop"],
    },
  },
});
