/**
 * `hosts/<host>/default.nix`: the host's hardware file and hand-written imports, its identity,
 * everything its `host.ts` configures, and the secrets it and its modules use.
 */
import { lowerEntry } from "../lower/entry.ts";
import { homeManagerDefinitions } from "../lower/home-manager.ts";
import { combine, definitions } from "../lower/contribution.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { lowerSecrets } from "../lower/secrets/index.ts";
import { valueLowerer } from "../lower/value.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { secretsOfHost } from "../model/host-modules.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { moduleFunction } from "./module-function.ts";
import { fleetScope } from "./scope.ts";

/** The host file for `host`. */
export const hostFile = (fleet: Fleet, host: HostEntry): GeneratedNix => {
  const origin = { file: host.file, objectPath: [] };
  const context = { fleet, hostName: host.name, origin };
  const secrets = secretsOfHost(fleet, host);
  const contribution = combine(
    definitions({ path: ["networking", "hostName"], value: host.name, origin }),
    lowerEntry(fleet, host, host.name),
    secrets.length ? lowerSecrets(fleet, secrets, { ...context, fleetRootFromFile: "../../" }) : combine(),
    definitions(...homeManagerDefinitions(fleet, host, `hosts/${host.name}/default.nix`)),
  );
  const tree = new DefinitionTree(origin).addAll(contribution.definitions);
  const imports = [...(host.config.hardware ? [host.config.hardware] : []), ...host.config.imports];
  return {
    path: `hosts/${host.name}/default.nix`,
    source: host.file,
    comments: [],
    expr: moduleFunction(tree, imports, valueLowerer(fleetScope(fleet))),
    diagnostics: [...contribution.diagnostics, ...tree.diagnostics],
    options: tree.toValue(),
  };
};
