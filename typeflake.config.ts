/**
 * The reference homelab: a NAS, a compute node and a network gateway, as in the article
 * "Managing Your Homelab with Nix Flakes". `npm run generate` writes its flake.
 */
import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Homelab infrastructure",
  system: "x86_64-linux",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "nixpkgs-unstable": { url: "github:NixOS/nixpkgs/nixos-unstable" },
    "nixos-hardware": { url: "github:NixOS/nixos-hardware", comment: "Hardware-specific optimizations" },
    "sops-nix": {
      url: "github:Mic92/sops-nix",
      follows: { nixpkgs: "nixpkgs" },
      comment: "Secrets management",
    },
    "deploy-rs": {
      url: "github:serokell/deploy-rs",
      follows: { nixpkgs: "nixpkgs" },
      comment: "Remote deployment",
    },
    "home-manager": {
      url: "github:nix-community/home-manager/release-24.11",
      follows: { nixpkgs: "nixpkgs" },
      comment: "Per-user configuration (homes/)",
    },
  },
  // Allow using unstable packages selectively.
  unstable: { input: "nixpkgs-unstable", allowUnfree: true },
  modules: ["common", "monitoring"],
  secrets: {
    backend: "sops",
    defaultFile: "secrets/secrets.yaml",
    ageKeyFile: "/var/lib/sops-nix/key.txt",
    admins: ["age1nrlk970x3j4xudyv6tz0vzddflur5s6knrlk970x3j4xudyv6tz0vzddfl"],
    hostKeys: {
      nas: "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j",
      compute: "age16zeeed74vqk7c7jkh5gahh8n3jxh0kpj6zeeed74vqk7c7jkh5gahh8n3j",
      gateway: "age147zj2n3c7yfgxp6ywf9mcka8u66kzm2547zj2n3c7yfgxp6ywf9mcka8u6",
    },
    secrets: {
      "wireguard-key": {},
      "wireguard-key-nas": {},
      "wireguard-key-compute": {},
      "database/password": { owner: "postgres" },
    },
  },
  deploy: { tool: "deploy-rs", sshUser: "deploy", user: "root" },
});
