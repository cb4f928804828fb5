/**
 * `flake.nix`: description, pinned inputs, and outputs — one `nixosSystem` per host with its
 * folder, its shared modules and the secrets module; deploy-rs nodes and their checks; the
 * overlays. Laid out as the reference homelab writes it by hand.
 */
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import {
  apply,
  assign,
  attrs,
  bool,
  id,
  inherit,
  lambda,
  letIn,
  list,
  nul,
  path,
  select,
  selectOr,
  setPattern,
  str,
} from "../nix/build.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { modulesUsedBy, secretsOfHost, type FleetIndex } from "../model/fleet-index.ts";
import { hostSystem, usesFleetSystem } from "../model/host-system.ts";
import { homesOfHost } from "../model/homes.ts";
import { fleetTargets } from "../nix-cli/fleet-targets.ts";
import type { DeployTarget } from "../nix-cli/target.ts";
import { colmenaHive } from "./colmena-hive.ts";
import { deployNodes } from "./deploy-nodes.ts";
import { inputBindings } from "./flake-inputs.ts";
import type { GeneratedNix } from "./generated-nix.ts";

/** The NixOS module a secrets backend ships, by backend. */
const SECRETS_MODULE = {
  sops: { input: "sops-nix", module: select("sops-nix", "nixosModules", "sops") },
  agenix: { input: "agenix", module: select("agenix", "nixosModules", "default") },
} as const;

/** `import nixpkgs-unstable { inherit system; config.allowUnfree = true; }` for one system. */
const unstableImport = (fleet: Fleet, system: NixBinding): NixExpr | undefined => {
  const unstable = fleet.config.unstable;
  if (!unstable) return undefined;
  return apply(
    id("import"),
    id(unstable.input),
    attrs([system, ...(unstable.allowUnfree ? [assign(["config", "allowUnfree"], bool(true))] : [])]),
  );
};

/**
 * `{ system.configurationRevision = self.rev or self.dirtyRev or null; }`: the commit a machine
 * runs, which `nixos-version --configuration-revision` prints and `typeflake status` compares
 * with the fleet's history. A dirty tree gives `<commit>-dirty`; a flake outside git, `null`.
 */
const revisionModule: NixExpr = attrs([
  assign(["system", "configurationRevision"], selectOr(id("self"), ["rev"], selectOr(id("self"), ["dirtyRev"], nul))),
]);

/** The modules of one host's `nixosSystem`, in the order the homelab lists them. */
const hostModules = (index: FleetIndex, host: HostEntry): NixExpr[] => {
  const { fleet } = index;
  const backend = fleet.config.secrets?.backend ?? "sops";
  return [
    path(`./hosts/${host.name}`),
    revisionModule,
    ...modulesUsedBy(index, host).map((module) => path(`./modules/${module.name}.nix`)),
    ...(secretsOfHost(index, host).length ? [SECRETS_MODULE[backend].module] : []),
    ...(homesOfHost(fleet, host).length ? [select("home-manager", "nixosModules", "home-manager")] : []),
    ...(fleet.overlays.length ? [select("self", "nixosModules", "overlays")] : []),
  ];
};

/** How a host's `nixosSystem` names its platform, and the arguments its modules receive. */
const hostArguments = (fleet: Fleet, host: HostEntry): { system: NixBinding; specialArgs: NixExpr; ownUnstable?: NixExpr } => {
  const own = usesFleetSystem(fleet, host);
  const system = own ? inherit(["system"]) : assign("system", str(hostSystem(fleet, host)));
  const ownUnstable = own ? undefined : unstableImport(fleet, system);
  const specialArgs = attrs([
    inherit(["inputs", ...(fleet.config.unstable && own ? ["unstable"] : [])]),
    ...(ownUnstable ? [assign("unstable", ownUnstable)] : []),
  ]);
  return ownUnstable ? { system, specialArgs, ownUnstable } : { system, specialArgs };
};

const nixosConfiguration = (index: FleetIndex, host: HostEntry): NixBinding => {
  const { system, specialArgs } = hostArguments(index.fleet, host);
  return assign(
    host.name,
    apply(
      select("nixpkgs", "lib", "nixosSystem"),
      attrs([system, assign("specialArgs", specialArgs), assign("modules", list(hostModules(index, host)))]),
    ),
  );
};

/** `colmenaHive`: the same hosts, modules and arguments, for fleets that deploy with colmena. */
const hive = (index: FleetIndex): NixBinding => {
  const { fleet } = index;
  const targets = new Map(fleetTargets(fleet, ".").hosts.map((target) => [target.name, target]));
  return colmenaHive({
    system: fleet.config.system,
    specialArgs: attrs([inherit(["inputs", ...(fleet.config.unstable ? ["unstable"] : [])])]),
    nodes: fleet.hosts.map((host) => {
      const { ownUnstable } = hostArguments(fleet, host);
      const node = { target: targets.get(host.name) as DeployTarget, modules: hostModules(index, host) };
      return ownUnstable ? { ...node, specialArgs: attrs([assign("unstable", ownUnstable)]) } : node;
    }),
  });
};

/** `nixosModules.overlays`: applies the fleet's overlays, with `pkgs.unstable` available to them. */
const overlaysModule = (fleet: Fleet): NixBinding[] => {
  if (fleet.overlays.length === 0) return [];
  const overlays = list([
    ...(fleet.config.unstable ? [lambda("final", lambda("prev", attrs([inherit(["unstable"])])))] : []),
    select("self", "overlays", "default"),
  ]);
  const args = setPattern(fleet.config.unstable ? ["unstable"] : [], { ellipsis: true });
  return [
    assign(["overlays", "default"], apply(id("import"), path("./overlays"))),
    assign(["nixosModules", "overlays"], lambda(args, attrs([assign(["nixpkgs", "overlays"], overlays)]))),
  ];
};

/** Inputs `outputs` names in its argument pattern: those the generated outputs refer to. */
const usedInputs = (index: FleetIndex): string[] => {
  const { fleet } = index;
  const backend = fleet.config.secrets?.backend ?? "sops";
  const used = new Set(["nixpkgs"]);
  if (fleet.config.unstable) used.add(fleet.config.unstable.input);
  if (fleet.hosts.some((host) => secretsOfHost(index, host).length)) used.add(SECRETS_MODULE[backend].input);
  if (fleet.config.deploy.tool === "deploy-rs") used.add("deploy-rs");
  if (fleet.hosts.some((host) => homesOfHost(fleet, host).length)) used.add("home-manager");
  if (fleet.config.deploy.tool === "colmena") used.add("colmena");
  return Object.keys(fleet.config.inputs).filter((name) => used.has(name));
};

const outputs = (index: FleetIndex): NixExpr => {
  const { fleet } = index;
  const deployRs = fleet.config.deploy.tool === "deploy-rs";
  const body = attrs([
    assign("nixosConfigurations", attrs(fleet.hosts.map((host) => nixosConfiguration(index, host)))),
    ...(deployRs
      ? [
          deployNodes(fleet),
          assign(
            "checks",
            apply(
              select("builtins", "mapAttrs"),
              lambda("system", lambda("deployLib", apply(select("deployLib", "deployChecks"), select("self", "deploy")))),
              select("deploy-rs", "lib"),
            ),
          ),
        ]
      : []),
    ...(fleet.config.deploy.tool === "colmena" ? [hive(index)] : []),
    ...overlaysModule(fleet),
  ]);
  const lets: NixBinding[] = [
    assign("system", str(fleet.config.system)),
    ...(fleet.config.unstable ? [assign("unstable", unstableImport(fleet, inherit(["system"])) as NixExpr)] : []),
  ];
  return lambda(setPattern(["self", ...usedInputs(index)], { ellipsis: true, bind: "inputs" }), letIn(lets, body));
};

/** The fleet's flake.nix. */
export const flakeFile = (index: FleetIndex): GeneratedNix => ({
  path: "flake.nix",
  source: index.fleet.configFile,
  comments: [],
  expr: attrs([
    assign("description", str(index.fleet.config.description)),
    assign("inputs", attrs(inputBindings(index.fleet.config))),
    assign("outputs", outputs(index)),
  ]),
  diagnostics: [],
});
