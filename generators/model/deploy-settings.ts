/**
 * A host's effective deployment settings: its own, else the fleet's, else the engines' defaults.
 */
import type { Fleet, HostEntry } from "./fleet.ts";

/** Everything needed to deploy one host, with every default filled in. */
export interface DeploySettings {
  readonly enable: boolean;
  /** Address the deploy tool connects to. */
  readonly targetHost: string;
  readonly sshUser: string;
  readonly user: string;
  readonly magicRollback: boolean;
  readonly autoRollback: boolean;
  /** Seconds; deploy-rs's default is 240. */
  readonly confirmTimeout: number;
  readonly activationTimeout: number | undefined;
  readonly remoteBuild: boolean;
  readonly fastConnection: boolean | undefined;
  readonly sshOpts: readonly string[];
  readonly tags: readonly string[];
  readonly buildHost: string | undefined;
}

/** deploy-rs's documented defaults (confirmTimeout 240 s, both rollbacks on). */
const DEFAULTS = { sshUser: "root", user: "root", magicRollback: true, autoRollback: true, confirmTimeout: 240, remoteBuild: false };

export const deploySettings = (fleet: Fleet, host: HostEntry): DeploySettings => {
  const own = host.config.deploy;
  const shared = fleet.config.deploy;
  return {
    enable: own.enable,
    targetHost: own.targetHost ?? host.config.address,
    sshUser: own.sshUser ?? shared.sshUser ?? DEFAULTS.sshUser,
    user: own.user ?? shared.user ?? DEFAULTS.user,
    magicRollback: own.magicRollback ?? shared.magicRollback ?? DEFAULTS.magicRollback,
    autoRollback: own.autoRollback ?? shared.autoRollback ?? DEFAULTS.autoRollback,
    confirmTimeout: own.confirmTimeout ?? shared.confirmTimeout ?? DEFAULTS.confirmTimeout,
    activationTimeout: own.activationTimeout ?? shared.activationTimeout,
    remoteBuild: own.remoteBuild ?? shared.remoteBuild ?? DEFAULTS.remoteBuild,
    fastConnection: own.fastConnection ?? shared.fastConnection,
    sshOpts: own.sshOpts ?? shared.sshOpts ?? [],
    tags: own.tags,
    buildHost: own.buildHost,
  };
};
