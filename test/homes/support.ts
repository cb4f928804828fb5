/**
 * A small fleet with homes, as the validator receives it from the loader: nas (alice through the
 * `people` module), compute (alice in its own file) and gateway (no alice); alice's shared home
 * and her home on nas.
 */
import type { FleetInput } from "../../dsl/fleet.ts";
import type { HomeInput } from "../../dsl/home.ts";
import type { HostInput } from "../../dsl/host.ts";
import type { ModuleInput } from "../../dsl/module.ts";
import { pkg } from "../../dsl/expressions.ts";
import type { FleetSources } from "../../generators/validate/sources.ts";
import { validateFleet } from "../../generators/validate/index.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

/** The flake inputs of a fleet with homes. */
export const INPUTS: FleetInput["inputs"] = {
  nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
  "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  "home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },
};

export const HOSTS: Record<string, HostInput> = {
  nas: { address: "10.0.20.10", modules: ["people"] },
  compute: { address: "10.0.20.11", users: { alice: { extraGroups: ["docker"] } } },
  gateway: { address: "10.0.20.1" },
};

export const MODULES: Record<string, ModuleInput> = {
  people: { users: { alice: { description: "Alice" } } },
};

export const HOMES: Record<string, HomeInput> = {
  alice: {
    stateVersion: "24.11",
    packages: [pkg("ripgrep"), pkg("tmux")],
    git: { userName: "Alice", userEmail: "alice@lab.local" },
    shellAliases: { ll: "ls -l" },
  },
  "alice@nas": { git: { userEmail: "alice@nas.lab.local" }, homeManager: { programs: { htop: { enable: true } } } },
};

/** Loader-shaped sources of the fleet, with parts replaced. */
export const homeSources = (parts: {
  inputs?: FleetInput["inputs"];
  hosts?: Record<string, HostInput>;
  modules?: Record<string, ModuleInput>;
  homes?: Record<string, HomeInput>;
  homeFiles?: Record<string, string>;
} = {}): FleetSources => ({
  config: { file: "typeflake.config.ts", value: { description: "Homelab", inputs: parts.inputs ?? INPUTS } },
  hosts: Object.entries(parts.hosts ?? HOSTS).map(([name, value]) => ({ name, file: `hosts/${name}/host.ts`, value })),
  modules: Object.entries(parts.modules ?? MODULES).map(([name, value]) => ({ name, file: `modules/${name}.ts`, value })),
  overlays: [],
  homes: Object.entries(parts.homes ?? HOMES).map(([name, value]) => ({ name, file: parts.homeFiles?.[name] ?? `homes/${name}.ts`, value })),
});

/** The validated fleet of `homeSources(parts)`; throws with the diagnostics when it is invalid. */
export const homeFleet = (parts: Parameters<typeof homeSources>[0] = {}): Fleet => {
  const result = validateFleet(homeSources(parts));
  if (!result.fleet) throw new Error(result.diagnostics.map((d) => `${d.origin.file} ${d.code}: ${messageOf(d)}`).join("\n"));
  return result.fleet;
};

/** `[severity, code, file, objectPath]` of each diagnostic, for compact expectations. */
export const summary = (sources: FleetSources) =>
  validateFleet(sources).diagnostics.map((d) => [d.severity, d.code, d.origin.file, d.origin.objectPath.join(".")]);
