import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Homelab infrastructure",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "nixpkgs-unstable": { url: "github:NixOS/nixpkgs/nixos-unstable" },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  unstable: { input: "nixpkgs-unstable", allowUnfree: true },
  modules: ["common", "monitoring"],
  secrets: {
    hostKeys: { nas: "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j" },
    secrets: { "wireguard-key": {}, "database/password": { owner: "postgres" } },
  },
  deploy: { tool: "deploy-rs", sshUser: "deploy", user: "root" },
});
