/** A media server sharing ZFS datasets over Samba and NFS, and a player that mounts them. */
import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Media server",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  deploy: { sshUser: "deploy", user: "root", confirmTimeout: 120 },
});
