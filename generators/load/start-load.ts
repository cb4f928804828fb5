/**
 * The start of loading a fleet, apart from the rest of loading so that the run cache can start it
 * the moment it knows the pipeline must run, before the pipeline itself (zod, validation,
 * lowering, the printer) is loaded: esbuild bundles the fleet meanwhile, in its own process.
 */
import type { Discovery } from "./discover.ts";
import { startFleetBundle, type StartedBundle } from "./fleet-bundle.ts";

/** The fleet's definition files as found, and their bundle, under way. */
export interface StartedLoad {
  readonly discovery: Discovery;
  readonly bundle: StartedBundle;
}

/** Start loading the fleet at the absolute `root` as `discovery` found it; `known`: see `startFleetBundle`. */
export const startLoad = (root: string, discovery: Discovery, known?: readonly string[]): StartedLoad => ({
  discovery,
  bundle: startFleetBundle(root, discovery.files.map((file) => file.path), known),
});
