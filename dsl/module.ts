/**
 * `defineModule` — configuration shared by several hosts, in `modules/<name>.ts`; the name is
 * the file's. Generated as `modules/<name>.nix`.
 */
import { z } from "zod";
import { configBodyShape } from "./config-body.ts";
import { brandDefinition } from "./definition.ts";

/** `modules/<name>.ts`: what `defineModule` takes. */
export const moduleSchema = z.strictObject({
  /** What the module is for; written as a comment at the top of the generated file. */
  description: z.string().optional(),
  ...configBodyShape,
});

/** What a module file writes (defaults may be left out). */
export type ModuleInput = z.input<typeof moduleSchema>;
/** A validated module. */
export type ModuleConfig = z.output<typeof moduleSchema>;

/** Declare a shared module. Default-export the result from `modules/<name>.ts`. */
export const defineModule = (module: ModuleInput): ModuleInput => brandDefinition("module", module);
