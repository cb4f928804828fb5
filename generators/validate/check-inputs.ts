/**
 * Flake inputs the fleet's choices depend on: nixpkgs itself, the deploy tool, the secrets
 * backend, the second nixpkgs, and `follows` targets.
 */
import type { FleetConfig } from "../../dsl/fleet.ts";
import { proseError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/suggest.ts";
import { quotedList, suggestThen } from "../diagnostics/messages/words.ts";
import { inConfig, type FleetCheck } from "./draft.ts";

/** The flake input each choice needs, with the URL suggested when it is missing. */
const REQUIRED_INPUTS = {
  nixpkgs: { input: "nixpkgs", url: "github:NixOS/nixpkgs/nixos-24.11" },
  "deploy-rs": { input: "deploy-rs", url: "github:serokell/deploy-rs" },
  colmena: { input: "colmena", url: "github:zhaofengli/colmena" },
  sops: { input: "sops-nix", url: "github:Mic92/sops-nix" },
  agenix: { input: "agenix", url: "github:ryantm/agenix" },
} as const;

type Requirement = (typeof REQUIRED_INPUTS)[keyof typeof REQUIRED_INPUTS];

/** Every input the fleet's choices need, with the reason: "every host", "deploy.tool \"colmena\"". */
const requirements = (config: FleetConfig): [Requirement, string][] => {
  const needed: [Requirement, string][] = [[REQUIRED_INPUTS.nixpkgs, "every host is built from it"]];
  const tool = config.deploy.tool;
  if (tool === "deploy-rs" || tool === "colmena")
    needed.push([REQUIRED_INPUTS[tool], `deploy.tool is ${JSON.stringify(tool)}`]);
  const backend = config.secrets?.backend;
  if (backend) needed.push([REQUIRED_INPUTS[backend], `secrets.backend is ${JSON.stringify(backend)}`]);
  return needed;
};

const addInput = ({ input, url }: Requirement): string =>
  `Add inputs: { ${JSON.stringify(input)}: { url: ${JSON.stringify(url)}${input === "nixpkgs" ? "" : ', follows: { nixpkgs: "nixpkgs" }'} } }.`;

/** Inputs the configuration needs but does not declare, and references to inputs that do not exist. */
export const checkInputs: FleetCheck = (draft) => {
  const config = draft.config;
  if (!config) return [];
  const names = Object.keys(config.inputs);
  const known = `The inputs are ${quotedList(names)}.`;
  const diagnostics: Diagnostic[] = [];

  for (const [requirement, reason] of requirements(config)) {
    if (requirement.input in config.inputs) continue;
    diagnostics.push(
      proseError(
        "missing-input",
        inConfig(draft, "inputs"),
        `the flake input ${JSON.stringify(requirement.input)} is missing (${reason})${suggestThen(closestMatch(requirement.input, names), addInput(requirement))}`,
      ),
    );
  }

  if (config.unstable && !(config.unstable.input in config.inputs)) {
    diagnostics.push(
      proseError(
        "unknown-input",
        inConfig(draft, "unstable", "input"),
        `names no flake input: ${JSON.stringify(config.unstable.input)}${suggestThen(closestMatch(config.unstable.input, names), known)}`,
      ),
    );
  }

  for (const [name, input] of Object.entries(config.inputs)) {
    for (const [inner, target] of Object.entries(input.follows)) {
      if (target in config.inputs) continue;
      diagnostics.push(
        proseError(
          "unknown-input",
          inConfig(draft, "inputs", name, "follows", inner),
          `follows ${JSON.stringify(target)}, which is not a flake input of this fleet${suggestThen(closestMatch(target, names), known)}`,
        ),
      );
    }
  }
  return diagnostics;
};
