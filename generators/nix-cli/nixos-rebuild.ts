/**
 * Command lines for nixos-rebuild. It reads no deploy settings from the flake, so the fleet's
 * (target, build host, sudo, ssh options) are all passed here.
 *
 * Elevation is `--use-remote-sudo`: the flag of the classic nixos-rebuild script, which
 * nixos-rebuild-ng (NixOS 25.05 and later) still accepts as the deprecated spelling of `--sudo`,
 * so one line works with both.
 */
import type { CommandLine } from "./command-line.ts";
import type { DeployOptions, NixOption } from "./deploy-options.ts";
import type { InputOverride } from "./nix.ts";
import { hostFlakeRef } from "./nix.ts";
import { hostAccess, nixSshOptsEnv } from "./ssh.ts";
import type { DeployTarget } from "./target.ts";

const optionArgs = (options: readonly NixOption[]): string[] =>
  options.flatMap(({ name, value }) => ["--option", name, value]);

/** `nixos-rebuild build --flake .#<host>`: build the system (a `result` link in the flake's directory). */
export const nixosRebuildBuild = (
  host: string,
  options: { readonly buildHost?: string; readonly overrides: readonly InputOverride[] },
): CommandLine => ({
  command: "nixos-rebuild",
  args: [
    "build",
    "--flake",
    hostFlakeRef(host),
    ...(options.buildHost ? ["--build-host", options.buildHost] : []),
    ...options.overrides.flatMap(({ input, flakeRef }) => ["--override-input", input, flakeRef]),
  ],
});

/**
 * `nixos-rebuild <mode> --flake .#<host>`: to the target over ssh, or with `local` on this machine
 * through sudo (as the NixOS manual runs it).
 */
export function nixosRebuildDeploy(target: DeployTarget, options: DeployOptions): CommandLine {
  const access = hostAccess(target, options);
  const flake = [options.mode, "--flake", hostFlakeRef(target.name)];
  if (access.local) {
    const buildHost = options.buildHost ?? target.buildHost;
    return {
      command: "nixos-rebuild",
      args: [...flake, ...(buildHost ? ["--build-host", buildHost] : []), ...optionArgs(options.nixOptions)],
      sudo: true,
    };
  }
  const buildHost =
    options.buildHost ?? (options.buildOnTarget || target.buildOnTarget ? access.destination : target.buildHost);
  const env = nixSshOptsEnv(access.sshOpts);
  return {
    command: "nixos-rebuild",
    args: [
      ...flake,
      "--target-host",
      access.destination,
      ...(buildHost ? ["--build-host", buildHost] : []),
      ...(options.sudo || access.useSudo ? ["--use-remote-sudo"] : []),
      ...optionArgs(options.nixOptions),
    ],
    ...(env ? { env } : {}),
  };
}
