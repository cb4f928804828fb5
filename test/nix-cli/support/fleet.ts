/**
 * The reference homelab's three hosts (from the seed article "Managing Your Homelab with Nix Flakes") as deploy targets.
 */
import type { DeployTarget, FleetTargets } from "../../../generators/nix-cli/target.ts";

/** A deploy target with the homelab's defaults: x86_64-linux, user `deploy` with sudo, enabled. */
export const deployTarget = (name: string, targetHost: string, tags: string[], extra: Partial<DeployTarget> = {}): DeployTarget => ({
  name,
  system: "x86_64-linux",
  targetHost,
  sshUser: "deploy",
  tags,
  enabled: true,
  buildOnTarget: false,
  sshOpts: [],
  useSudo: true,
  ...extra,
});

/** nas, compute and gateway at 10.0.20.10, .11 and .1, deployed by `deploy` with sudo. */
export const homelab = (flakeDir: string, overrides: Partial<FleetTargets> = {}): FleetTargets => ({
  flakeDir,
  tool: "deploy-rs",
  hosts: [
    deployTarget("compute", "10.0.20.11", ["docker", "lab"]),
    deployTarget("gateway", "10.0.20.1", ["network"]),
    deployTarget("nas", "10.0.20.10", ["lab", "storage"]),
  ],
  ...overrides,
});

