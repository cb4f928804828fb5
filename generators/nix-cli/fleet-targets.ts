/**
 * The validated fleet as the nix commands see it (`FleetTargets`): one deploy target per host.
 */
import { deploySettings } from "../model/deploy-settings.ts";
import type { Fleet } from "../model/fleet.ts";
import { hostSystem } from "../model/host-system.ts";
import type { DeployTarget, FleetTargets } from "./target.ts";

export const fleetTargets = (fleet: Fleet, flakeDir: string): FleetTargets => ({
  flakeDir,
  tool: fleet.config.deploy.tool,
  hosts: fleet.hosts.map((host): DeployTarget => {
    const settings = deploySettings(fleet, host);
    return {
      name: host.name,
      system: hostSystem(fleet, host),
      targetHost: settings.targetHost,
      sshUser: settings.sshUser,
      tags: settings.tags,
      enabled: settings.enable,
      ...(settings.buildHost ? { buildHost: settings.buildHost } : {}),
      buildOnTarget: settings.remoteBuild,
      sshOpts: settings.sshOpts,
      useSudo: settings.sshUser !== "root",
    };
  }),
});
