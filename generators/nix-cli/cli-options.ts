/**
 * Command-line options several nix commands share, declared once with their parsers so every
 * command spells and checks them the same way.
 */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { UsageError } from "../command/command-error.ts";
import type { InputOverride } from "./nix.ts";
import type { HostAccess } from "./ssh.ts";
import { hostAccess, parseTargetHost } from "./ssh.ts";
import type { DeployTarget } from "./target.ts";

/** The parsed values of `--dry-run`. */
export interface DryRunFlags {
  readonly dryRun?: boolean;
}

/** `--dry-run`: print the commands, run nothing. */
export const withDryRun = (command: Command): Command =>
  command.option("--dry-run", "print the commands without running them");

/** The parsed values of `--override-input`. */
export interface OverrideInputFlags {
  readonly overrideInput?: readonly string[];
}

/** `--override-input <input> <flake-ref>`, repeatable, as nix spells it. */
export const withOverrideInput = (command: Command): Command =>
  command.option(
    "--override-input <input-and-flake-ref...>",
    "replace a flake input for this run, as nix does: --override-input nixpkgs path:../nixpkgs (repeatable)",
  );

/**
 * Split a two-valued option's collected values into pairs. commander gathers every value of a
 * repeated variadic option into one list, so pairs are all that is left to check.
 */
export function pairs(flag: string, values: readonly string[] | undefined, shape: string): [string, string][] {
  const list = values ?? [];
  if (list.length % 2 !== 0) {
    throw new UsageError(
      `${flag} takes two values each time (${shape}), but got ${list.map((value) => JSON.stringify(value)).join(" ")}; ` +
        "put host names and other arguments before it",
    );
  }
  return Array.from({ length: list.length / 2 }, (_, index) => [list[2 * index] ?? "", list[2 * index + 1] ?? ""]);
}

/** The input overrides from `--override-input`. */
export const inputOverrides = (flags: OverrideInputFlags): InputOverride[] =>
  pairs("--override-input", flags.overrideInput, "<input> <flake-ref>").map(([input, flakeRef]) => ({
    input,
    flakeRef,
  }));

/** The parsed values of `--local` and `--target-host`. */
export interface HostAccessFlags {
  readonly local?: boolean;
  readonly targetHost?: string;
}

/** `--local` and `--target-host`: act on this machine, or on another address than the fleet's. */
export const withHostAccess = (command: Command): Command =>
  command
    .option("--local", "act on this machine (through sudo) instead of over ssh")
    .option("--target-host <[user@]host>", "reach the host at this address instead of the fleet's");

/** How to reach `target` given `--local` and `--target-host`. */
export const accessFromFlags = (target: DeployTarget, flags: HostAccessFlags): HostAccess =>
  hostAccess(target, {
    local: flags.local === true,
    targetHost: flags.targetHost === undefined ? undefined : parseTargetHost(flags.targetHost),
  });

// Option parsers throw commander's InvalidArgumentError: commander then names the option and
// the bad value in its own message and ends with exit code 1.

/** Parse a whole number of at least `min`, for options such as `--jobs`. */
export const wholeNumber =
  (min: number) =>
  (text: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return Number(text);
  };

/** Parse `true` or `false`, as deploy-rs spells its boolean options. */
export const booleanValue = (text: string): boolean => {
  if (text !== "true" && text !== "false") throw new InvalidArgumentError("expected true or false.");
  return text === "true";
};
