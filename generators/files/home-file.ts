/**
 * `homes/<user>/default.nix` and `homes/<user>/<host>.nix`: home-manager modules, one per home
 * file. A per-host home imports the shared one (`./default.nix`) and adds to it; the host's
 * `home-manager.users.<user>` imports whichever applies (see `model/homes.ts`).
 */
import { posix } from "node:path";
import type { Definition } from "../lower/contribution.ts";
import type { LoweredFleet } from "../lower/fleet.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { valueLowerer, type ValueScope } from "../lower/value.ts";
import type { HomeEntry } from "../model/fleet.ts";
import { homeNixPath, SHARED_HOME_NIX } from "../model/homes.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { moduleFunction } from "./module-function.ts";

/** A path written relative to `fromFile`, made relative to `toFile`'s folder: `./vim.nix` → `../vim.nix`. */
export const rebasePath = (path: string, fromFile: string, toFile: string): string => {
  const moved = posix.relative(posix.dirname(toFile), posix.join(posix.dirname(fromFile), path));
  return moved.startsWith("../") ? moved : `./${moved}`;
};

const describe = (home: HomeEntry): string =>
  home.host === undefined
    ? `home-manager configuration of ${home.user} on every host with the account ${home.user}.`
    : `home-manager configuration of ${home.user} on ${home.host}: ./${SHARED_HOME_NIX} and these additions.`;

/** The home-manager module of `home`, from its definitions, its values spelled for `scope`. */
export const homeFile = (home: HomeEntry, definitions: readonly Definition[], scope: ValueScope): GeneratedNix => {
  const path = homeNixPath(home);
  const tree = new DefinitionTree({ file: home.file, objectPath: [] }).addAll(definitions);
  const imports = [
    ...(home.host === undefined ? [] : [`./${SHARED_HOME_NIX}`]),
    ...home.config.imports.map((file) => rebasePath(file, home.file, path)),
  ];
  return {
    path,
    source: home.file,
    comments: [describe(home)],
    expr: moduleFunction(tree, imports, valueLowerer(scope)),
    diagnostics: tree.diagnostics,
  };
};

/** Every home's module, in the fleet's (name) order. */
export const homeFiles = (lowered: LoweredFleet, scope: ValueScope): GeneratedNix[] =>
  (lowered.index.fleet.homes ?? []).map((home) => homeFile(home, lowered.homes.get(home.name) ?? [], scope));
