import { defineFleet } from "typeflake";
import { hostKeys } from "./fleet-hosts.ts";

export default defineFleet({
  description: "typeflake benchmark: 3 hosts, WireGuard hub and spoke",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  secrets: { hostKeys: hostKeys, secrets: { "wireguard-key": {} } },
  deploy: { tool: "deploy-rs", sshUser: "deploy", user: "root" },
});
