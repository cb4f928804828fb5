/**
 * Two machines of different architectures deployed with colmena, secrets kept with agenix,
 * joined by a WireGuard full mesh, and packages from nixpkgs-unstable.
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
  secrets: {
    backend: "agenix",
    hostKeys: {
      pi: "age1xq6yfn587tcwqda70suhk75hnmem0xfhxq6yfn587tcwqda70suhk75hnm",
      tower: "age1778skwfdzgal86g7g30xu6gwswe09rkg778skwfdzgal86g7g30xu6gwsw",
    },
    secrets: {
      "wg-pi": { mode: "0400" },
      "wg-tower": {},
    },
  },
  deploy: { tool: "colmena", sshUser: "root" },
});
