import { defineModule, pkg } from "typeflake";

export default defineModule({
  description: "Base configuration every machine shares",
  timeZone: "UTC",
  packages: [pkg("htop"), pkg("git")],
  users: { deploy: { deploy: true, sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhomelabdeploykey deploy@laptop"] } },
  nixos: { nix: { gc: { automatic: true, dates: "weekly" } } },
});
