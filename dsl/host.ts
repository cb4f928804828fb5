/**
 * `defineHost` — one machine, in `hosts/<name>/host.ts`; the name is the folder's.
 */
import { z } from "zod";
import { identifierName, nixSystem, reachableAddress, relativeNixFile } from "./checks.ts";
import { configBodyShape } from "./config-body.ts";
import { hostDeploySchema } from "./deploy.ts";
import { brandDefinition } from "./definition.ts";

/** `hosts/<name>/host.ts`: what `defineHost` takes. */
export const hostSchema = z.strictObject({
  /** The machine's platform; defaults to the fleet's `system`, e.g. `"aarch64-linux"`. */
  system: nixSystem.optional(),
  /** The address other hosts and the deploy tool reach it at, e.g. `"10.0.20.10"`. */
  address: reachableAddress,
  /**
   * Hand-kept hardware configuration (from `nixos-generate-config`), relative to host.ts, e.g.
   * `"./hardware.nix"`. typeflake imports it and never touches it.
   */
  hardware: relativeNixFile.optional(),
  /** Shared modules from `modules/<name>.ts` this host uses, e.g. `["common", "monitoring"]`. */
  modules: z.array(identifierName).default([]),
  /** How this host is deployed. */
  deploy: hostDeploySchema.default({ enable: true, tags: [] }),
  ...configBodyShape,
});

/** What a host file writes (defaults may be left out). */
export type HostInput = z.input<typeof hostSchema>;
/** A validated host. */
export type HostConfig = z.output<typeof hostSchema>;

/** Declare a host. Default-export the result from `hosts/<name>/host.ts`. */
export const defineHost = (host: HostInput): HostInput => brandDefinition("host", host);
