/**
 * A host's effective deployment settings: its own, else the fleet's. What the deploy tools read
 * from the flake (deploy-rs's `deploy.nodes`) carries only what the user set: the tools' own
 * defaults stay theirs (deploy-rs: confirmTimeout 30, activationTimeout 240, both rollbacks on).
 */
import type { FleetDeploy, HostDeploy } from "../../dsl/deploy.ts";
import type { Fleet, HostEntry } from "./fleet.ts";

/** Everything the command-line tools need to reach one host. */
export interface DeploySettings {
  readonly enable: boolean;
  /** Address the deploy tool connects to. */
  readonly targetHost: string;
  /** User to SSH in as; `root` when unset, as `nixos-rebuild --target-host` and colmena assume. */
  readonly sshUser: string;
  readonly remoteBuild: boolean;
  readonly sshOpts: readonly string[];
  readonly tags: readonly string[];
  readonly buildHost: string | undefined;
}

export const deploySettings = (fleet: Fleet, host: HostEntry): DeploySettings => {
  const own = host.config.deploy;
  const shared = fleet.config.deploy;
  return {
    enable: own.enable,
    targetHost: own.targetHost ?? host.config.address,
    sshUser: own.sshUser ?? shared.sshUser ?? "root",
    remoteBuild: own.remoteBuild ?? shared.remoteBuild ?? false,
    sshOpts: own.sshOpts ?? shared.sshOpts ?? [],
    tags: own.tags,
    buildHost: own.buildHost,
  };
};

/** The settings deploy-rs reads from a node, each only when the host or the fleet sets it. */
export type DeployRsSettings = Pick<
  FleetDeploy & HostDeploy,
  "sshUser" | "user" | "magicRollback" | "autoRollback" | "confirmTimeout" | "activationTimeout" | "remoteBuild" | "fastConnection" | "sshOpts"
>;

const DEPLOY_RS_KEYS = [
  "sshUser",
  "user",
  "magicRollback",
  "autoRollback",
  "confirmTimeout",
  "activationTimeout",
  "remoteBuild",
  "fastConnection",
  "sshOpts",
] as const satisfies readonly (keyof DeployRsSettings)[];

/** deploy-rs settings of `host`: its own, else the fleet's; unset ones are left out. */
export const deployRsSettings = (fleet: Fleet, host: HostEntry): DeployRsSettings => {
  const own = host.config.deploy;
  const shared = fleet.config.deploy;
  return Object.fromEntries(
    DEPLOY_RS_KEYS.flatMap((key) => {
      const value = own[key] ?? shared[key];
      return value === undefined ? [] : [[key, value]];
    }),
  ) as DeployRsSettings;
};
