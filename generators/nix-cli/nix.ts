/**
 * Command lines for `nix` itself. Every one enables `nix-command flakes` explicitly, so the line
 * works as printed on a machine whose nix.conf does not (Debian's nix 2.8 among them).
 */
import { installable } from "./attr-path.ts";
import type { CommandLine } from "./command-line.ts";

/** The flags that turn on flakes for one invocation. */
const NIX_FEATURE_FLAGS: readonly string[] = ["--extra-experimental-features", "nix-command flakes"];

/** `--override-input <input> <flakeRef>`: replace one flake input for this invocation. */
export interface InputOverride {
  readonly input: string;
  readonly flakeRef: string;
}

const nix = (...args: string[]): CommandLine => ({ command: "nix", args: [...NIX_FEATURE_FLAGS, ...args] });

const overrideArgs = (overrides: readonly InputOverride[]): string[] =>
  overrides.flatMap(({ input, flakeRef }) => ["--override-input", input, flakeRef]);

/** `.#<host>`: how nixos-rebuild and deploy-rs name a host (they add `nixosConfigurations` or `deploy.nodes` themselves). */
export const hostFlakeRef = (host: string): string => installable(".", [host]);

/** The installable of `nixosConfigurations.<host>` (or an attribute below it) in the flake at the working directory. */
const hostInstallable = (host: string, ...names: string[]): string =>
  installable(".", ["nixosConfigurations", host, ...names]);

/** The attribute path of a host's system closure (what `nixos-rebuild build` builds). */
const TOPLEVEL: readonly string[] = ["config", "system", "build", "toplevel"];

/**
 * `nix eval --json` of one option of a host. Without an option path it evaluates the whole system
 * (the toplevel's derivation path): a real NixOS `config` holds functions and cannot be printed as
 * JSON, and "does this host evaluate?" is the question a path-less eval asks.
 */
export const nixEval = (
  host: string,
  optionPath: readonly string[],
  overrides: readonly InputOverride[],
): CommandLine =>
  nix(
    "eval",
    "--json",
    ...overrideArgs(overrides),
    optionPath.length > 0
      ? hostInstallable(host, "config", ...optionPath)
      : hostInstallable(host, ...TOPLEVEL, "drvPath"),
  );

/**
 * `nix eval --json` of a Nix function applied to one output of the flake at the working
 * directory (`nixosConfigurations`, say): data that no single option holds.
 */
export const nixEvalApply = (
  attrPath: readonly string[],
  fn: string,
  overrides: readonly InputOverride[],
): CommandLine => nix("eval", "--json", ...overrideArgs(overrides), installable(".", attrPath), "--apply", fn);

/** `nix flake check`, with inputs overridden. */
export const nixFlakeCheck = (overrides: readonly InputOverride[]): CommandLine =>
  nix("flake", "check", ...overrideArgs(overrides));

/**
 * Build a host's system closure without a `result` link and report it as JSON. `--json` rather
 * than `--print-out-paths`, which nix 2.8 does not have.
 */
export const nixBuildToplevel = (host: string): CommandLine =>
  nix("build", "--no-link", "--json", hostInstallable(host, ...TOPLEVEL));

/**
 * Update every input (`nix flake update`) or only the named ones
 * (`nix flake lock --update-input <input>…`: understood from nix 2.4 on; newer nix also accepts
 * `nix flake update <input>`, which 2.8 rejects).
 */
export const nixFlakeUpdate = (inputs: readonly string[]): CommandLine =>
  inputs.length === 0
    ? nix("flake", "update")
    : nix("flake", "lock", ...inputs.flatMap((input) => ["--update-input", input]));

/**
 * Copy a store path (with its closure) from a host into the local store. `--no-check-sigs`: the
 * running system holds paths built on the host or the deploying machine, which no cache signed.
 */
export const nixCopyFrom = (destination: string, storePath: string, env?: Record<string, string>): CommandLine => ({
  ...nix("copy", "--no-check-sigs", "--from", `ssh://${destination}`, storePath),
  ...(env ? { env } : {}),
});

/** `nix store diff-closures`: the package version and size changes between two closures. */
export const nixDiffClosures = (before: string, after: string): CommandLine =>
  nix("store", "diff-closures", before, after);
