/**
 * `modules/<module>.nix`: a shared module, imported by the hosts that list it.
 */
import type { Contribution } from "../lower/contribution.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { valueLowerer, type ValueScope } from "../lower/value.ts";
import type { ModuleEntry } from "../model/fleet.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { moduleFunction } from "./module-function.ts";

/** The module file for `module`, from its lowering, its values spelled for `scope`. */
export const moduleFile = (module: ModuleEntry, contribution: Contribution, scope: ValueScope): GeneratedNix => {
  const tree = new DefinitionTree({ file: module.file, objectPath: [] }).addAll(contribution.definitions);
  return {
    path: `modules/${module.name}.nix`,
    source: module.file,
    comments: module.config.description ? module.config.description.split("\n") : [],
    expr: moduleFunction(tree, module.config.imports, valueLowerer(scope)),
    diagnostics: [...contribution.diagnostics, ...tree.diagnostics],
    options: tree.toValue(),
  };
};
