/**
 * Deployment settings: fleet-wide defaults in `typeflake.config.ts`, per-host overrides in
 * `defineHost({ deploy })`. They become the deploy-rs `deploy.nodes` tree (or the colmena hive);
 * a setting left unset is not written, so the tool's own default applies.
 */
import { z } from "zod";
import { oneOf, reachableAddress, textMatching, userName } from "./checks.ts";

/** The engines typeflake can deploy with. */
export const DEPLOY_TOOLS = ["deploy-rs", "colmena", "nixos-rebuild"] as const;

/** Settings that may be set fleet-wide and overridden per host. */
export const deploySettingsShape = {
  /**
   * User to SSH in as, e.g. `"deploy"` (a user with passwordless sudo). deploy-rs default: your
   * own user name; `nixos-rebuild` and colmena targets: `"root"`.
   */
  sshUser: userName.optional(),
  /**
   * User the system profile is activated as. Written as `"root"` when unset (deploy-rs would
   * otherwise use `sshUser`, and the system profile is root's).
   */
  user: userName.optional(),
  /** Roll back when the new generation cannot confirm itself over a fresh SSH connection. deploy-rs default: `true`. */
  magicRollback: z.boolean().optional(),
  /** Roll back when activation fails. deploy-rs default: `true`. */
  autoRollback: z.boolean().optional(),
  /** Seconds the new generation has to confirm itself before it is rolled back. deploy-rs default: `30`. */
  confirmTimeout: z.number().int().positive().optional(),
  /** Seconds activation may take. deploy-rs default: `240`. */
  activationTimeout: z.number().int().positive().optional(),
  /** Build on the target instead of copying the closure from the deploying machine. deploy-rs default: `false`. */
  remoteBuild: z.boolean().optional(),
  /** `true` copies the whole closure from this machine instead of letting the target substitute from its caches (for a fast link). deploy-rs default: `false`. */
  fastConnection: z.boolean().optional(),
  /** Extra `ssh` options, e.g. `["-p", "2222"]`. */
  sshOpts: z.array(z.string()).optional(),
} as const;

/** Fleet-wide deployment defaults. */
export const fleetDeploySchema = z.strictObject({
  /** The deployment engine. Default: `"deploy-rs"`. */
  tool: oneOf(DEPLOY_TOOLS).default("deploy-rs"),
  ...deploySettingsShape,
});

/** One host's deployment settings. */
export const hostDeploySchema = z.strictObject({
  /** Deploy this host with `typeflake deploy --all`. Default: `true`. */
  enable: z.boolean().default(true),
  /** Address to deploy to when it differs from the host's `address`, e.g. `"nas.lab.local"`. */
  targetHost: reachableAddress.optional(),
  /** Tags to select hosts with `typeflake deploy --tag storage`. */
  tags: z.array(textMatching(/^[a-z0-9][a-z0-9_-]*$/, "a tag: lowercase letters, digits, '_' or '-'")).default([]),
  /** Build on this machine (`user@host`) instead of locally, as `nixos-rebuild --build-host`. */
  buildHost: textMatching(/^([a-z_][a-z0-9_-]*@)?[A-Za-z0-9.:-]+$/, 'a host or user@host such as "builder" or "nix@builder.lab.local"').optional(),
  ...deploySettingsShape,
});

/** Validated fleet-wide deployment defaults. */
export type FleetDeploy = z.output<typeof fleetDeploySchema>;
/** A host's validated deployment settings. */
export type HostDeploy = z.output<typeof hostDeploySchema>;
