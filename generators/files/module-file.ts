/**
 * `modules/<module>.nix`: a shared module, imported by the hosts that list it.
 */
import { lowerEntry } from "../lower/entry.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { valueLowerer } from "../lower/value.ts";
import type { Fleet, ModuleEntry } from "../model/fleet.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { moduleFunction } from "./module-function.ts";
import { fleetScope } from "./scope.ts";

/** The module file for `module`. */
export const moduleFile = (fleet: Fleet, module: ModuleEntry): GeneratedNix => {
  const origin = { file: module.file, objectPath: [] };
  const contribution = lowerEntry(fleet, module, undefined);
  const tree = new DefinitionTree(origin).addAll(contribution.definitions);
  return {
    path: `modules/${module.name}.nix`,
    source: module.file,
    comments: module.config.description ? module.config.description.split("\n") : [],
    expr: moduleFunction(tree, module.config.imports, valueLowerer(fleetScope(fleet))),
    diagnostics: [...contribution.diagnostics, ...tree.diagnostics],
    options: tree.toValue(),
  };
};
