/**
 * What the nix commands need to know about the fleet, and nothing more. The fleet model is richer
 * (and still moving); the CLI loader adapts it to these two interfaces, so the command builders
 * stay pure functions of plain data and can be tested without a fleet.
 */

/** The deployment engines typeflake drives. */
export type DeployTool = "deploy-rs" | "colmena" | "nixos-rebuild";

/** Every deploy tool, in the order `--help` lists them. */
export const DEPLOY_TOOLS: readonly DeployTool[] = ["deploy-rs", "colmena", "nixos-rebuild"];

/** What the nix commands need to know about one host. */
export interface DeployTarget {
  /** Host name: the `nixosConfigurations`, `deploy.nodes` and colmena node attribute, e.g. `"nas"`. */
  readonly name: string;
  /** Nix system double, e.g. `"x86_64-linux"`; chooses the colmena hive's nixpkgs per node. */
  readonly system: string;
  /** Address or DNS name to reach the host over SSH, e.g. `"10.0.20.10"` (the host's deploy target or address). */
  readonly targetHost: string;
  /** User to SSH in as, e.g. `"deploy"`. */
  readonly sshUser: string;
  /** Tags that `--tag` selects on, e.g. `["storage"]`. */
  readonly tags: readonly string[];
  /**
   * Whether `--all` and `--tag` include the host. A host left out can still be deployed by
   * naming it, so a machine kept out of routine deploys stays reachable for a deliberate one.
   */
  readonly enabled: boolean;
  /**
   * Build on this machine (`user@host`) instead of locally. Only nixos-rebuild can build on a third
   * machine (`--build-host`); deploy-rs and colmena build locally or on the target, so they ignore it.
   */
  readonly buildHost?: string;
  /** Build on the target itself: nixos-rebuild `--build-host <target>`, colmena `deployment.buildOnTarget`. */
  readonly buildOnTarget: boolean;
  /**
   * Extra ssh arguments, one argv element each, e.g. `["-p", "2222"]`. Passed to ssh directly, and
   * to nixos-rebuild and `nix copy` through `NIX_SSHOPTS` (which nix splits on spaces, so an
   * element must not contain one).
   */
  readonly sshOpts: readonly string[];
  /**
   * Elevate on the host with sudo: true whenever `sshUser` is not root. Becomes nixos-rebuild's
   * `--use-remote-sudo` and the `sudo` in front of remote commands (generations, rollback).
   * deploy-rs and colmena elevate by themselves when their user is not root.
   */
  readonly useSudo: boolean;
}

/** The fleet as the nix commands see it. */
export interface FleetTargets {
  /** Absolute path of the directory holding the generated `flake.nix`; every command runs there. */
  readonly flakeDir: string;
  /** The fleet's deploy tool (`deploy --tool` overrides it). */
  readonly tool: DeployTool;
  /** Every host, in the fleet's order (sorted by name); listed in that order by errors and summaries. */
  readonly hosts: readonly DeployTarget[];
}
