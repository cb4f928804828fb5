/**
 * Two machines of different architectures deployed with colmena, secrets kept with agenix,
 * joined by a WireGuard full mesh, and packages from nixpkgs-unstable. agenix decrypts with each
 * host's SSH host key (OpenSSH is on through modules/ssh.ts), so the secrets are encrypted to
 * those keys: `ssh-keyscan -t ed25519 <address>` prints them.
 */
import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Mixed-architecture home fleet",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "nixpkgs-unstable": { url: "github:NixOS/nixpkgs/nixos-unstable" },
    agenix: { url: "github:ryantm/agenix", follows: { nixpkgs: "nixpkgs" } },
    colmena: { url: "github:zhaofengli/colmena", follows: { nixpkgs: "nixpkgs" } },
  },
  unstable: { input: "nixpkgs-unstable" },
  modules: ["ssh"],
  secrets: {
    backend: "agenix",
    hostKeys: {
      pi: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH08pSdEvSu0vbNRyOe4bD9zt2YlbdZEKIFkUqSeayPI root@pi",
      tower: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINnokO0GPPKjVoQCGqrnAUzvEeNNu7EaHub2/S/8S5cJ root@tower",
    },
    secrets: {
      "wg-pi": { mode: "0400" },
      "wg-tower": {},
    },
  },
  deploy: { tool: "colmena", sshUser: "root" },
});
