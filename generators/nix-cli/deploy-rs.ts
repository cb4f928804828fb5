/**
 * Command lines for deploy-rs (`deploy`). The generated flake's `deploy.nodes` already carries the
 * fleet's settings (hostname, users, ssh options, rollback settings, remoteBuild), so only what the
 * command line overrides is passed.
 */
import type { CommandLine } from "./command-line.ts";
import type { DeployMode, DeployOptions } from "./deploy-options.ts";
import { hostFlakeRef } from "./nix.ts";
import type { DeployTarget } from "./target.ts";

// deploy-rs has no test mode; checkDeployOptions rejects it before a line is built.
const MODE_FLAGS: Readonly<Record<DeployMode, readonly string[]>> = {
  switch: [],
  boot: ["--boot"],
  "dry-activate": ["--dry-activate"],
  test: [],
};

/** `deploy .#<host> …`: deploy one node of the flake's `deploy.nodes`. */
export function deployRsDeploy(target: DeployTarget, options: DeployOptions): CommandLine {
  const override = options.targetHost;
  return {
    command: "deploy",
    args: [
      hostFlakeRef(target.name),
      ...MODE_FLAGS[options.mode],
      ...(options.skipChecks ? ["--skip-checks"] : []),
      ...(override ? ["--hostname", override.host] : []),
      ...(override?.user ? ["--ssh-user", override.user] : []),
      ...(options.buildOnTarget ? ["--remote-build"] : []),
      ...(options.magicRollback === undefined ? [] : ["--magic-rollback", String(options.magicRollback)]),
      ...(options.autoRollback === undefined ? [] : ["--auto-rollback", String(options.autoRollback)]),
      ...(options.confirmTimeout === undefined ? [] : ["--confirm-timeout", String(options.confirmTimeout)]),
      // After `--`, deploy-rs passes arguments on to its nix calls.
      ...(options.nixOptions.length > 0
        ? ["--", ...options.nixOptions.flatMap(({ name, value }) => ["--option", name, value])]
        : []),
    ],
  };
}
