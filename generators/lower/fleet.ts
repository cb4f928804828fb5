/**
 * The lowering stage: the validated fleet → NixOS option definitions, once per run. Each host
 * file and each shared module is lowered once (a module is the same for every host using it),
 * with each host's secrets and home-manager wiring, and each home file. The checks, the
 * inventory and the file emitters read the result; none of them lowers again.
 */
import { definitions, emptyContribution, type Contribution, type Definition, type PortClaim } from "./contribution.ts";
import { lowerBody } from "./body.ts";
import { homeManagerDefinitions } from "./home-manager.ts";
import { gitIdentityForm, lowerHome } from "./home.ts";
import { lowerSecrets } from "./secrets/index.ts";
import { modulesUsedBy, secretsOfHost, type FleetIndex } from "../model/fleet-index.ts";
import type { HostEntry } from "../model/fleet.ts";

/** What lowering made of one host, part by part, in the order its generated file merges them. */
export interface LoweredHost {
  /** The host's validated host.ts. */
  readonly host: HostEntry;
  /** `networking.hostName`, the host's folder name. */
  readonly identity: Contribution;
  /** Its own host.ts. */
  readonly own: Contribution;
  /** Each module it uses, in its flake entry's order: the same objects as `LoweredFleet.modules`' values. */
  readonly modules: readonly Contribution[];
  /** The secrets backend's options for the secrets it uses. */
  readonly secrets: Contribution;
  /** home-manager's NixOS side, for its accounts that have a home. */
  readonly homes: Contribution;
}

/** The lowered fleet: what every later stage reads instead of lowering. */
export interface LoweredFleet {
  /** The validated fleet it was lowered from, and its index. */
  readonly index: FleetIndex;
  /** The lowered hosts by name, in the fleet's order. */
  readonly hosts: ReadonlyMap<string, LoweredHost>;
  /** Each shared module file, lowered once, by module name in the fleet's order. */
  readonly modules: ReadonlyMap<string, Contribution>;
  /** Each home file's home-manager definitions, by home name (`alice`, `alice@nas`). */
  readonly homes: ReadonlyMap<string, readonly Definition[]>;
}

const lowerHost = (index: FleetIndex, host: HostEntry, modules: ReadonlyMap<string, Contribution>): LoweredHost => {
  const origin = { file: host.file, objectPath: [] };
  const context = { index, hostName: host.name, origin };
  const secrets = secretsOfHost(index, host);
  return {
    host,
    identity: definitions({ path: ["networking", "hostName"], value: host.name, origin }),
    own: lowerBody(host.config, context),
    // Every module of the fleet is lowered before any host.
    modules: modulesUsedBy(index, host).map((module) => modules.get(module.name) as Contribution),
    secrets: secrets.length ? lowerSecrets(index.fleet, secrets, { ...context, fleetRootFromFile: "../../" }) : emptyContribution,
    homes: definitions(...homeManagerDefinitions(index.fleet, host, `hosts/${host.name}/default.nix`)),
  };
};

/**
 * Lower the fleet of `index`: every module, home and host; `hosts` narrows the hosts (the hosts
 * that failed their schema, cut down to what validates, are lowered for their port claims only).
 */
export const lowerFleet = (index: FleetIndex, hosts: readonly HostEntry[] = index.fleet.hosts): LoweredFleet => {
  const { fleet } = index;
  const modules = new Map(
    fleet.modules.map((module) => [module.name, lowerBody(module.config, { index, hostName: undefined, origin: { file: module.file, objectPath: [] } })]),
  );
  const gitForm = gitIdentityForm(fleet.config.inputs["home-manager"]?.url);
  return {
    index,
    hosts: new Map(hosts.map((host) => [host.name, lowerHost(index, host, modules)])),
    modules,
    homes: new Map((fleet.homes ?? []).map((home) => [home.name, lowerHome(home.config, { file: home.file, objectPath: [] }, gitForm)])),
  };
};

/** The lowering of `host`, which `lowered` must hold. */
export const loweredHost = (lowered: LoweredFleet, host: HostEntry): LoweredHost => {
  const found = lowered.hosts.get(host.name);
  if (!found) throw new Error(`host ${JSON.stringify(host.name)} was not lowered`);
  return found;
};

/** What the files configuring a host contribute: its host.ts, then each module it uses. */
export const bodyContributions = (host: LoweredHost): readonly Contribution[] => [host.own, ...host.modules];

/** The ports a host's services claim, across its host.ts and its modules. */
export const hostPorts = (host: LoweredHost): readonly PortClaim[] => bodyContributions(host).flatMap((part) => part.ports);
