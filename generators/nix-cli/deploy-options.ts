/**
 * The options of `typeflake deploy`, once parsed, and which deploy tool understands which. An
 * option the chosen tool cannot honour is an error rather than silently dropped, so a user never
 * believes a deploy ran differently than it did.
 */
import { UsageError } from "../command/command-error.ts";
import type { TargetHostOverride } from "./ssh.ts";
import type { DeployTool } from "./target.ts";

/** What activating the new system does (the switch-to-configuration verbs). */
export type DeployMode = "switch" | "boot" | "test" | "dry-activate";

/** Every mode, in the order `--help` lists them. */
export const DEPLOY_MODES: readonly DeployMode[] = ["switch", "boot", "test", "dry-activate"];

/** A nix setting passed to the tool's nix calls: `--option name value` (colmena: `--nix-option`). */
export interface NixOption {
  readonly name: string;
  readonly value: string;
}

/** A deploy's options: the fleet's choices with the command line's overrides applied. */
export interface DeployOptions {
  readonly tool: DeployTool;
  readonly mode: DeployMode;
  /** Deploy to the machine typeflake runs on (nixos-rebuild without `--target-host`, through sudo). */
  readonly local: boolean;
  /** Deploy to this address (and user) instead of the fleet's. One host only. */
  readonly targetHost?: TargetHostOverride;
  /** Build on this machine (`user@host`) instead of the fleet's choice (nixos-rebuild). */
  readonly buildHost?: string;
  /** Build on the target itself. */
  readonly buildOnTarget: boolean;
  /** Elevate on the target with sudo even when the fleet does not ask for it (nixos-rebuild). */
  readonly sudo: boolean;
  /** Skip deploy-rs's own `nix flake check` before deploying. */
  readonly skipChecks: boolean;
  /** deploy-rs: roll back unless the new system confirms itself over a fresh ssh connection. */
  readonly magicRollback?: boolean;
  /** deploy-rs: roll back when activation fails. */
  readonly autoRollback?: boolean;
  /** deploy-rs: seconds the new system has to confirm itself. */
  readonly confirmTimeout?: number;
  readonly nixOptions: readonly NixOption[];
}

const TOOL_SPECIFIC: readonly {
  flag: string;
  given: (options: DeployOptions) => boolean;
  tools: readonly DeployTool[];
}[] = [
  { flag: "--local", given: (o) => o.local, tools: ["nixos-rebuild"] },
  { flag: "--build-host", given: (o) => o.buildHost !== undefined, tools: ["nixos-rebuild"] },
  { flag: "--sudo", given: (o) => o.sudo, tools: ["nixos-rebuild"] },
  { flag: "--target-host", given: (o) => o.targetHost !== undefined, tools: ["nixos-rebuild", "deploy-rs"] },
  { flag: "--skip-checks", given: (o) => o.skipChecks, tools: ["deploy-rs"] },
  { flag: "--magic-rollback", given: (o) => o.magicRollback !== undefined, tools: ["deploy-rs"] },
  { flag: "--auto-rollback", given: (o) => o.autoRollback !== undefined, tools: ["deploy-rs"] },
  { flag: "--confirm-timeout", given: (o) => o.confirmTimeout !== undefined, tools: ["deploy-rs"] },
];

// Why a tool cannot take an option; a missing entry means "the tool has no such flag".
const WHY_NOT: Readonly<Record<string, string>> = {
  "--target-host colmena": "colmena reads each node's address from the hive's deployment.targetHost",
  "--sudo deploy-rs": "deploy-rs elevates with sudo by itself when its ssh user is not the profile user",
  "--sudo colmena": "colmena elevates with sudo by itself when deployment.targetUser is not root",
  "--build-host deploy-rs": "deploy-rs builds locally or, with --build-on-target, on the target",
  "--build-host colmena": "colmena builds locally or, with --build-on-target, on the target",
};

/** Throw a `UsageError` for options that contradict each other or that the tool cannot honour. */
export function checkDeployOptions(options: DeployOptions, hostCount: number): void {
  for (const { flag, given, tools } of TOOL_SPECIFIC) {
    if (given(options) && !tools.includes(options.tool)) {
      const why = WHY_NOT[`${flag} ${options.tool}`];
      throw new UsageError(
        `${flag} does not apply to ${options.tool}${why ? ` (${why})` : ""}; it works with --tool ${tools.join(" or --tool ")}`,
      );
    }
  }
  if (options.tool === "deploy-rs" && options.mode === "test") {
    throw new UsageError(
      "deploy-rs has no test mode (activate without a boot entry); use --mode switch, boot or dry-activate, or --tool colmena or nixos-rebuild",
    );
  }
  if (options.buildHost !== undefined && options.buildOnTarget) {
    throw new UsageError("--build-host and --build-on-target each choose where to build; give one of them");
  }
  if ((options.local || options.targetHost !== undefined) && hostCount !== 1) {
    throw new UsageError(
      `${options.local ? "--local" : "--target-host"} names one machine, but ${hostCount} hosts are selected; select exactly one host`,
    );
  }
}
