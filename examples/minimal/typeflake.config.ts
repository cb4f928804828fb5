/** The smallest useful fleet: one machine, deployed with nixos-rebuild. */
import { defineFleet } from "typeflake";

export default defineFleet({
  description: "A single NixOS machine",
  inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },
  deploy: { tool: "nixos-rebuild", sshUser: "root" },
});
