/**
 * Flake inputs the fleet's choices depend on: nixpkgs itself, the deploy tool, the secrets
 * backend, the second nixpkgs, and `follows` targets.
 */
import type { FleetConfig } from "../../dsl/fleet.ts";
import type { InputReason } from "../diagnostics/codes/references.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { knownNames, suggestionFor } from "../diagnostics/suggest.ts";
import { inConfig, type FleetCheck } from "./draft.ts";
import { SUGGESTED_NIXPKGS_URL } from "./suggested-inputs.ts";

/** The flake input each choice needs, with the URL suggested when it is missing. */
const REQUIRED_INPUTS = {
  nixpkgs: { input: "nixpkgs", url: SUGGESTED_NIXPKGS_URL },
  "deploy-rs": { input: "deploy-rs", url: "github:serokell/deploy-rs" },
  colmena: { input: "colmena", url: "github:zhaofengli/colmena" },
  sops: { input: "sops-nix", url: "github:Mic92/sops-nix" },
  agenix: { input: "agenix", url: "github:ryantm/agenix" },
} as const;

type Requirement = (typeof REQUIRED_INPUTS)[keyof typeof REQUIRED_INPUTS];

/** Every input the fleet's choices need, with the reason: every host, the deploy tool, the secrets backend. */
const requirements = (config: FleetConfig): [Requirement, InputReason][] => {
  const needed: [Requirement, InputReason][] = [[REQUIRED_INPUTS.nixpkgs, { kind: "nixpkgs" }]];
  const tool = config.deploy.tool;
  if (tool === "deploy-rs" || tool === "colmena") needed.push([REQUIRED_INPUTS[tool], { kind: "deploy-tool", tool }]);
  const backend = config.secrets?.backend;
  if (backend) needed.push([REQUIRED_INPUTS[backend], { kind: "secrets-backend", backend }]);
  return needed;
};

/** Inputs the configuration needs but does not declare, and references to inputs that do not exist. */
export const checkInputs: FleetCheck = (draft) => {
  const config = draft.config;
  if (!config) return [];
  const names = Object.keys(config.inputs);
  const diagnostics: Diagnostic[] = [];

  for (const [requirement, reason] of requirements(config)) {
    if (requirement.input in config.inputs) continue;
    const { input, url } = requirement;
    diagnostics.push(error("missing-input", inConfig(draft, "inputs"), { input, url, reason, ...suggestionFor(input, names) }));
  }

  if (config.unstable && !(config.unstable.input in config.inputs)) {
    const input = config.unstable.input;
    diagnostics.push(error("unknown-input", inConfig(draft, "unstable", "input"), { input, by: { kind: "unstable" }, ...knownNames(input, names) }));
  }

  for (const [name, input] of Object.entries(config.inputs)) {
    for (const [inner, target] of Object.entries(input.follows)) {
      if (target in config.inputs) continue;
      diagnostics.push(
        error("unknown-input", inConfig(draft, "inputs", name, "follows", inner), { input: target, by: { kind: "follows" }, ...knownNames(target, names) }),
      );
    }
  }
  return diagnostics;
};
