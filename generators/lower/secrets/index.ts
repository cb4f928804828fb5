/**
 * The secrets a host uses → the backend's NixOS options (sops-nix or agenix). Which secrets a host
 * uses is computed by the caller (every `secret(…)` in its files, plus their `secrets` lists).
 */
import { lowerAgenix } from "./agenix.ts";
import type { SecretsLowering } from "./backend.ts";
import { secretsSettings } from "./settings.ts";
import { lowerSops } from "./sops.ts";

/**
 * Definitions for the secrets a host uses, for the fleet's backend. Secrets not declared in the
 * fleet's `secrets` keep the backend's defaults and are located at `context.origin`.
 */
export const lowerSecrets: SecretsLowering = (fleet, secretNames, context) =>
  secretsSettings(fleet).backend === "agenix" ? lowerAgenix(fleet, secretNames, context) : lowerSops(fleet, secretNames, context);
