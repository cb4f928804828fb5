/**
 * Generations of a host's system profile: listing them and going back. These use the host's own
 * nix-env and switch-to-configuration over ssh, not a deploy tool: deploy-rs and colmena have no
 * rollback command, and ssh works from any workstation (nixos-rebuild need not be installed there).
 * It is what `nixos-rebuild switch --rollback` does on the host, and it can also go to a chosen
 * generation.
 */
import type { CommandLine } from "./command-line.ts";
import type { Argv, HostAccess } from "./ssh.ts";
import { hostCommand, onHost } from "./ssh.ts";

/** The profile every NixOS system generation lives in (deploy-rs and colmena deploy to it too). */
export const SYSTEM_PROFILE = "/nix/var/nix/profiles/system";

/** List the generations (reading the profile takes its lock, hence sudo). */
export const listGenerations = (access: HostAccess): CommandLine =>
  hostCommand(access, ["nix-env", "--list-generations", "--profile", SYSTEM_PROFILE], true);

/**
 * Make the previous generation (or generation `generation`) current and activate it. On this
 * machine without a generation it is the NixOS manual's `sudo nixos-rebuild switch --rollback`.
 */
export function rollback(access: HostAccess, generation?: number): CommandLine[] {
  if (access.local && generation === undefined) {
    return [{ command: "nixos-rebuild", args: ["switch", "--rollback"], sudo: true }];
  }
  const select: Argv =
    generation === undefined
      ? ["nix-env", "--rollback", "--profile", SYSTEM_PROFILE]
      : ["nix-env", "--switch-generation", String(generation), "--profile", SYSTEM_PROFILE];
  return onHost(access, [select, [`${SYSTEM_PROFILE}/bin/switch-to-configuration`, "switch"]], true);
}

/** Print the store path of the running system. */
export const currentSystem = (access: HostAccess): CommandLine =>
  hostCommand(access, ["readlink", "-f", "/run/current-system"], false);
