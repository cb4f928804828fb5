/**
 * The deploy command line for a host, by tool.
 */
import { colmenaApply } from "./colmena-apply.ts";
import type { CommandLine } from "./command-line.ts";
import type { DeployOptions } from "./deploy-options.ts";
import { deployRsDeploy } from "./deploy-rs.ts";
import { nixosRebuildDeploy } from "./nixos-rebuild.ts";
import type { DeployTarget, DeployTool } from "./target.ts";

const BUILDERS: Readonly<Record<DeployTool, (target: DeployTarget, options: DeployOptions) => CommandLine>> = {
  "deploy-rs": deployRsDeploy,
  colmena: colmenaApply,
  "nixos-rebuild": nixosRebuildDeploy,
};

/** The line that deploys `target` with `options.tool` (options already checked by `checkDeployOptions`). */
export const deployCommand = (target: DeployTarget, options: DeployOptions): CommandLine =>
  BUILDERS[options.tool](target, options);
