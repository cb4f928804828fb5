/**
 * `defineFleet` — `typeflake.config.ts`: what every host shares — flake inputs, the second
 * nixpkgs, fleet-wide modules, secrets and deployment defaults.
 */
import { z } from "zod";
import { flakeUrl, identifierName, nixSystem, textMatching } from "./checks.ts";
import { brandDefinition } from "./definition.ts";
import { fleetDeploySchema } from "./deploy.ts";
import { secretsSchema } from "./secrets.ts";

/** A flake input's name, e.g. `"sops-nix"`. */
const inputName = textMatching(
  /^[A-Za-z_][A-Za-z0-9_-]*$/,
  "a flake input name: a letter or '_' then letters, digits, '_' or '-', e.g. \"sops-nix\"",
);

/** One flake input. */
export const flakeInputSchema = z.strictObject({
  /** Where it comes from, e.g. `"github:NixOS/nixpkgs/nixos-26.05"`. */
  url: flakeUrl,
  /**
   * Make this input's own inputs follow the fleet's, to avoid a second nixpkgs:
   * `{ nixpkgs: "nixpkgs" }` becomes `inputs.nixpkgs.follows = "nixpkgs"`.
   */
  follows: z.record(inputName, inputName).default({}),
  /** `false` for a source tree that is not a flake. Default: `true`. */
  flake: z.boolean().default(true),
  /** A comment written above the input in flake.nix. */
  comment: z.string().optional(),
});

/** A second package set (typically nixpkgs-unstable) handed to modules as a special argument. */
export const extraPackageSetSchema = z.strictObject({
  /** The flake input it is imported from, e.g. `"nixpkgs-unstable"`. */
  input: inputName,
  /** The argument name modules receive it as, and `pkgs.<name>` in overlays. Default: `"unstable"`. */
  name: z.literal("unstable").default("unstable"),
  /** Allow unfree packages from it (`config.allowUnfree`). Default: `false`. */
  allowUnfree: z.boolean().default(false),
});

/** `typeflake.config.ts`: what `defineFleet` takes. */
export const fleetSchema = z.strictObject({
  /** The flake's description, e.g. `"Homelab infrastructure"`. */
  description: z.string().min(1, { error: "must not be empty" }),
  /** Default platform of the hosts. Default: `"x86_64-linux"`. */
  system: nixSystem.default("x86_64-linux"),
  /** Flake inputs by name; `nixpkgs` is required. */
  inputs: z.record(inputName, flakeInputSchema),
  /** A second nixpkgs (such as unstable) modules receive as `unstable`. */
  unstable: extraPackageSetSchema.optional(),
  /** Modules from `modules/` every host uses, before its own, e.g. `["common"]`. */
  modules: z.array(identifierName).default([]),
  /** Secrets backend, keys and secret declarations. */
  secrets: secretsSchema.optional(),
  /** Deployment defaults for every host. */
  deploy: fleetDeploySchema.default({ tool: "deploy-rs" }),
});

/** What typeflake.config.ts writes (defaults may be left out). */
export type FleetInput = z.input<typeof fleetSchema>;
/** The validated fleet configuration. */
export type FleetConfig = z.output<typeof fleetSchema>;

/** Declare the fleet. Default-export the result from `typeflake.config.ts`. */
export const defineFleet = (fleet: FleetInput): FleetInput => brandDefinition("fleet", fleet);
