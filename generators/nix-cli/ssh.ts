/**
 * Reaching a host: on this machine, or over ssh as the fleet's deploy user. Commands that act on
 * a host's running system (generations, rollback, the current system for a diff) are built once
 * and placed here, so `--local` and the remote form cannot drift apart.
 */
import type { CommandLine } from "./command-line.ts";
import { shellQuote } from "./command-line.ts";
import { UsageError } from "../command/command-error.ts";
import type { DeployTarget } from "./target.ts";

/** Where host commands run. */
export type HostAccess =
  | { readonly local: true }
  | {
      readonly local: false;
      /** `user@host` */
      readonly destination: string;
      readonly sshOpts: readonly string[];
      /** Put `sudo` in front of privileged commands (the ssh user is not root). */
      readonly useSudo: boolean;
    };

/** A `--target-host` value split into its parts: `deploy@10.0.20.10` or `10.0.20.10`. */
export interface TargetHostOverride {
  readonly user?: string;
  readonly host: string;
}

/** Parse `--target-host [user@]host`. */
export function parseTargetHost(text: string): TargetHostOverride {
  const match = /^(?:([^@\s]+)@)?([^@\s]+)$/.exec(text);
  if (!match) {
    throw new UsageError(
      `--target-host ${JSON.stringify(text)} is not a host; write host or user@host, e.g. deploy@10.0.20.10`,
    );
  }
  const [, user, host = ""] = match;
  return user === undefined ? { host } : { user, host };
}

/** `user@host` for a target, with a `--target-host` override applied. */
const sshDestination = (target: DeployTarget, override?: TargetHostOverride): string =>
  `${override?.user ?? target.sshUser}@${override?.host ?? target.targetHost}`;

/** How to reach `target`: this machine when `local`, else ssh to its (possibly overridden) address. */
export function hostAccess(
  target: DeployTarget,
  options: { readonly local: boolean; readonly targetHost?: TargetHostOverride },
): HostAccess {
  if (options.local && options.targetHost !== undefined) {
    throw new UsageError("--local acts on this machine, --target-host on another; give one of them");
  }
  if (options.local) return { local: true };
  return {
    local: false,
    destination: sshDestination(target, options.targetHost),
    sshOpts: target.sshOpts,
    useSudo: options.targetHost?.user === undefined ? target.useSudo : options.targetHost.user !== "root",
  };
}

/** A program and its arguments. */
export type Argv = readonly [command: string, ...args: string[]];

const localCommand = ([command, ...args]: Argv, privileged: boolean): CommandLine =>
  privileged ? { command, args, sudo: true } : { command, args };

const sshCommand = (
  access: Extract<HostAccess, { local: false }>,
  commands: readonly Argv[],
  privileged: boolean,
): CommandLine => {
  const elevate = privileged && access.useSudo ? ["sudo"] : [];
  const script = commands.map((argv) => [...elevate, ...argv].map(shellQuote).join(" ")).join(" && ");
  return { command: "ssh", args: [...access.sshOpts, access.destination, script] };
};

/** Run one command on the host: locally (through sudo when `privileged`), or in an ssh session. */
export const hostCommand = (access: HostAccess, argv: Argv, privileged: boolean): CommandLine =>
  access.local ? localCommand(argv, privileged) : sshCommand(access, [argv], privileged);

/**
 * Run `commands` on the host, in order, stopping at the first failure: locally one process each;
 * remotely one ssh session (one login, one password prompt at most) with the commands joined by
 * `&&`, so the host itself stops at the first failure.
 */
export const onHost = (access: HostAccess, commands: readonly Argv[], privileged: boolean): CommandLine[] =>
  access.local ? commands.map((argv) => localCommand(argv, privileged)) : [sshCommand(access, commands, privileged)];

/**
 * `NIX_SSHOPTS` for tools that call ssh themselves (nixos-rebuild, `nix copy`). nix splits the
 * variable on spaces, so an option containing one cannot be passed this way.
 */
export function nixSshOptsEnv(sshOpts: readonly string[]): Record<string, string> | undefined {
  const spaced = sshOpts.find((option) => /\s/.test(option));
  if (spaced !== undefined) {
    throw new UsageError(
      `the ssh option ${JSON.stringify(spaced)} contains a space, which NIX_SSHOPTS cannot carry; ` +
        'give each word as its own element, e.g. ["-o", "ProxyJump=bastion"]',
    );
  }
  return sshOpts.length > 0 ? { NIX_SSHOPTS: sshOpts.join(" ") } : undefined;
}
