/**
 * The flake's `colmenaHive` output for fleets that deploy with colmena:
 * `colmena.lib.makeHive { meta = …; <host> = { imports = […]; deployment = {…}; }; }`, read by
 * colmena 0.5 (and its main branch). Each node imports the same modules as the host's
 * `nixosConfiguration`, so both evaluate the same system.
 */
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import { apply, assign, attrs, bool, id, list, select, str } from "../nix/build.ts";
import type { DeployTarget } from "../nix-cli/target.ts";

/** One host of the hive. */
export interface ColmenaNode {
  readonly target: DeployTarget;
  /** The modules of the host's `nixosConfiguration`, e.g. `./hosts/nas`, `./modules/common.nix`. */
  readonly modules: readonly NixExpr[];
  /** Arguments only this node's modules get (`meta.nodeSpecialArgs`), e.g. an unstable set for its own system. */
  readonly specialArgs?: NixExpr;
}

/** What the hive is made of. */
export interface ColmenaHiveInput {
  /** The fleet's hosts; those with `enabled: false` are left out, as `deploy.nodes` leaves them out. */
  readonly nodes: readonly ColmenaNode[];
  /** The fleet's system: `meta.nixpkgs` is nixpkgs for it; nodes of another system get `meta.nodeNixpkgs`. */
  readonly system: string;
  /** Arguments every node's modules get (`meta.specialArgs`), e.g. `{ inherit inputs unstable; }`. */
  readonly specialArgs?: NixExpr;
}

/** `import nixpkgs { system = "…"; }` */
const nixpkgsFor = (system: string): NixExpr => apply(id("import"), id("nixpkgs"), attrs([assign("system", str(system))]));

/** colmena's per-node `deployment` settings from the fleet's target. */
const deployment = (target: DeployTarget): NixExpr =>
  attrs([
    assign("targetHost", str(target.targetHost)),
    assign("targetUser", str(target.sshUser)),
    // colmena's own default is no tags: written only when the host has some, as deploy-rs nodes carry only what was set.
    ...(target.tags.length > 0 ? [assign("tags", list(target.tags.map((tag) => str(tag))))] : []),
    ...(target.buildOnTarget ? [assign("buildOnTarget", bool(true))] : []),
    ...(target.sshOpts.length > 0 ? [assign("sshOptions", list(target.sshOpts.map((option) => str(option))))] : []),
  ]);

/** `colmenaHive = colmena.lib.makeHive { … };` — a binding of the flake's outputs. */
export function colmenaHive(input: ColmenaHiveInput): NixBinding {
  const nodes = input.nodes.filter((node) => node.target.enabled);
  const foreign = nodes.filter((node) => node.target.system !== input.system);
  const nodeArgs = nodes.flatMap((node) => (node.specialArgs ? [assign(node.target.name, node.specialArgs)] : []));
  const meta = attrs([
    assign("nixpkgs", nixpkgsFor(input.system)),
    ...(foreign.length > 0
      ? [assign("nodeNixpkgs", attrs(foreign.map((node) => assign(node.target.name, nixpkgsFor(node.target.system)))))]
      : []),
    ...(input.specialArgs ? [assign("specialArgs", input.specialArgs)] : []),
    ...(nodeArgs.length > 0 ? [assign("nodeSpecialArgs", attrs(nodeArgs))] : []),
  ]);
  return assign(
    "colmenaHive",
    apply(
      select("colmena", "lib", "makeHive"),
      attrs([
        assign("meta", meta),
        ...nodes.map((node) =>
          assign(node.target.name, attrs([assign("imports", list(node.modules)), assign("deployment", deployment(node.target))])),
        ),
      ]),
    ),
  );
}
