/**
 * Base configuration every machine shares: SSH hardening, time zone, base packages, nix garbage
 * collection and the deploy user.
 */
import { defineModule, openssh, pkg } from "typeflake";

export default defineModule({
  description: "Base config all machines share",
  timeZone: "UTC",
  packages: [pkg("htop"), pkg("git"), pkg("vim"), pkg("curl"), pkg("homelab-status")],
  services: { openssh: openssh() },
  users: {
    deploy: {
      description: "Deployment user",
      deploy: true,
      sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJd8x1yM6BoGv5Q0z2pQm9Ka3oH0wqCkq9bXk0Jm7Vt3 admin@workstation"],
    },
  },
  nixos: {
    nix: {
      gc: { automatic: true, dates: "weekly", options: "--delete-older-than 30d" },
      settings: { "experimental-features": ["nix-command", "flakes"] },
    },
  },
});
