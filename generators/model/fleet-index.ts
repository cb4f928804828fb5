/**
 * What lowering, the checks, the inventory and the plan ask about the rest of the fleet, answered
 * from one index built once per run from the validated fleet: hosts by name and by address, the
 * files that configure each host (its host.ts, then its modules) and the secrets they use, the
 * hosts each module configures, every WireGuard tunnel, and the expressions each definition file
 * holds (one walk of each file's configuration, read by every later question about them).
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import { parseAddress } from "../../dsl/address.ts";
import { fleetFiles, type Entry, type Fleet, type HostEntry, type ModuleEntry } from "./fleet.ts";
import { modulesOfHost } from "./host-modules.ts";
import { indexTunnels, type TunnelIndex } from "./tunnels.ts";
import { writtenByEntry, writtenOf, type WrittenByEntry, type WrittenExpression } from "./written-expressions.ts";

/** One host and what the fleet gives it. */
export interface IndexedHost {
  /** The host's validated host.ts. */
  readonly entry: HostEntry;
  /** The modules it uses: the fleet-wide ones, then its own, each once. */
  readonly modules: readonly ModuleEntry[];
  /** The files that configure it: its own host.ts first, then each of `modules`. */
  readonly bodies: readonly Entry<ConfigBody>[];
  /** Secrets it needs: referred to, or listed, in any of `bodies`; sorted. */
  readonly secrets: readonly string[];
}

/** The validated fleet and its index. */
export interface FleetIndex {
  /** The validated fleet this indexes. */
  readonly fleet: Fleet;
  /** Hosts by name, in the fleet's (name) order. */
  readonly hosts: ReadonlyMap<string, IndexedHost>;
  /** Module name → the hosts using it, in the fleet's order. */
  readonly hostsOfModule: ReadonlyMap<string, readonly HostEntry[]>;
  /** The first host at each IP address, keyed by `ipKey` (so `fd00::1` and `fd00:0::1` meet). */
  readonly hostsByIp: ReadonlyMap<string, HostEntry>;
  /** The first host with each `address` exactly as written (DNS names included). */
  readonly hostsByAddress: ReadonlyMap<string, HostEntry>;
  /** Every WireGuard interface of the hosts' own files, and the same by host, joined hub and mesh. */
  readonly tunnels: TunnelIndex;
  /** The expressions written in each host, module, overlay and home file (see `writtenIn`). */
  readonly written: WrittenByEntry;
}

/** An IP address as a map key, or undefined for text that is not one (a DNS name). */
const ipKey = (address: string): string | undefined => {
  const parsed = parseAddress(address);
  return parsed && `${parsed.family}:${parsed.value}`;
};

const firstBy = (hosts: readonly HostEntry[], key: (host: HostEntry) => string | undefined): Map<string, HostEntry> => {
  const map = new Map<string, HostEntry>();
  for (const host of hosts) {
    const value = key(host);
    if (value !== undefined && !map.has(value)) map.set(value, host);
  }
  return map;
};

/** The index of `fleet`; each host's and module's configuration is walked once. */
export const indexFleet = (fleet: Fleet): FleetIndex => {
  const written = writtenByEntry(fleetFiles(fleet));
  const secretNamesIn = (entry: Entry<unknown>): string[] =>
    (written.get(entry) ?? []).flatMap(({ expression }) => (expression.kind === "secret" || expression.kind === "secretPath" ? [expression.name] : []));
  const moduleSecrets = new Map(fleet.modules.map((module) => [module, [...secretNamesIn(module), ...module.config.secrets]]));
  const hosts = new Map(
    fleet.hosts.map((entry): [string, IndexedHost] => {
      const modules = modulesOfHost(fleet, entry);
      const secrets = new Set([...secretNamesIn(entry), ...entry.config.secrets, ...modules.flatMap((module) => moduleSecrets.get(module) ?? [])]);
      return [entry.name, { entry, modules, bodies: [entry, ...modules], secrets: [...secrets].sort() }];
    }),
  );
  const hostsOfModule = new Map(
    fleet.modules.map((module) => [module.name, [...hosts.values()].filter((host) => host.modules.includes(module)).map((host) => host.entry)]),
  );
  return {
    fleet,
    hosts,
    hostsOfModule,
    hostsByIp: firstBy(fleet.hosts, (host) => ipKey(host.config.address)),
    hostsByAddress: firstBy(fleet.hosts, (host) => host.config.address),
    tunnels: indexTunnels(fleet.hosts),
    written,
  };
};

/** The expressions written in `entry`, a host, module, overlay or home file of the indexed fleet. */
export const writtenIn = (index: FleetIndex, entry: Entry<unknown>): readonly WrittenExpression[] => writtenOf(index.written, entry);

/** The host called `name`, or undefined. */
export const findHost = (index: FleetIndex, name: string): HostEntry | undefined => index.hosts.get(name)?.entry;

/**
 * The address of the host called `name`: what a `host("name")` reference stands for. Validation
 * has reported names that are no host of the fleet; for those the name itself stands in.
 */
export const hostAddress = (index: FleetIndex, name: string): string => findHost(index, name)?.config.address ?? name;

const indexed = (index: FleetIndex, host: HostEntry): IndexedHost => {
  const known = index.hosts.get(host.name);
  if (!known) throw new Error(`host ${JSON.stringify(host.name)} is not in the fleet index`);
  return known;
};

/** The files that configure `host`: its own host.ts first, then each module it uses. */
export const bodiesOfHost = (index: FleetIndex, host: HostEntry): readonly Entry<ConfigBody>[] => indexed(index, host).bodies;

/** The modules `host` uses, in its flake entry's order. */
export const modulesUsedBy = (index: FleetIndex, host: HostEntry): readonly ModuleEntry[] => indexed(index, host).modules;

/** The secrets `host` needs, sorted. */
export const secretsOfHost = (index: FleetIndex, host: HostEntry): readonly string[] => indexed(index, host).secrets;

/** The hosts a body configures: the host itself (`hostName` set), or every host using the module written in `file`. */
export const hostsOfBody = (index: FleetIndex, hostName: string | undefined, file: string): readonly HostEntry[] => {
  if (hostName !== undefined) {
    const host = findHost(index, hostName);
    return host ? [host] : [];
  }
  const module = index.fleet.modules.find((entry) => entry.file === file);
  return module ? (index.hostsOfModule.get(module.name) ?? []) : [];
};

/** The fleet host at the IP address `address` (`fd00::1` finds a host written `fd00:0::1`). */
export const hostWithIp = (index: FleetIndex, address: string): HostEntry | undefined => {
  const key = ipKey(address);
  return key === undefined ? undefined : index.hostsByIp.get(key);
};

/** The fleet host written with `address`: the same IP address, or for a DNS name the same text. */
export const hostWrittenAs = (index: FleetIndex, address: string): HostEntry | undefined =>
  ipKey(address) === undefined ? index.hostsByAddress.get(address) : hostWithIp(index, address);
