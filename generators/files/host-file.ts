/**
 * `hosts/<host>/default.nix`: the host's hardware file and hand-written imports, its identity,
 * everything its `host.ts` configures, and the secrets it and its modules use.
 */
import { combine } from "../lower/contribution.ts";
import type { LoweredHost } from "../lower/fleet.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { valueLowerer, type ValueScope } from "../lower/value.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { moduleFunction } from "./module-function.ts";

/** The host file of a lowered host, its values spelled for `scope`. */
export const hostFile = (lowered: LoweredHost, scope: ValueScope): GeneratedNix => {
  const { host } = lowered;
  const contribution = combine(lowered.identity, lowered.own, lowered.secrets, lowered.homes);
  const tree = new DefinitionTree({ file: host.file, objectPath: [] }).addAll(contribution.definitions);
  const imports = [...(host.config.hardware ? [host.config.hardware] : []), ...host.config.imports];
  return {
    path: `hosts/${host.name}/default.nix`,
    source: host.file,
    comments: [],
    expr: moduleFunction(tree, imports, valueLowerer(scope)),
    diagnostics: [...contribution.diagnostics, ...tree.diagnostics],
    options: tree.toValue(),
  };
};
