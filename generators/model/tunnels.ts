/**
 * The fleet's WireGuard tunnels: every interface declared in a host file, indexed the ways peer
 * derivation, the tunnel checks and the topology look them up.
 */
import type { WireguardInterface } from "../../services/wireguard/schema.ts";
import type { SourceOrigin } from "../diagnostics/diagnostic.ts";
import { addressOf } from "../../dsl/address.ts";
import { compareNames } from "./compare-names.ts";
import type { HostEntry } from "./fleet.ts";

/** A WireGuard interface declared in a host file. */
export interface Tunnel {
  /** The host whose host.ts declares it. */
  readonly host: HostEntry;
  /** The interface name, e.g. `wg0`. */
  readonly name: string;
  /** Its validated settings. */
  readonly config: WireguardInterface;
  /** Where the interface object was written: `services.wireguard.<name>` of the host file. */
  readonly origin: SourceOrigin;
}

/** The fleet's tunnels, and the same tunnels by host, by the hub they join and by mesh. */
export interface TunnelIndex {
  /** Every tunnel, sorted by host then interface name. */
  readonly all: readonly Tunnel[];
  /** Tunnels by host name, in `all` order. */
  readonly ofHost: ReadonlyMap<string, readonly Tunnel[]>;
  /** Spokes by the hub interface they join (`tunnelKey(hub host, interface)`), in `all` order. */
  readonly spokesOf: ReadonlyMap<string, readonly Tunnel[]>;
  /** Members by mesh name, in `all` order. */
  readonly meshes: ReadonlyMap<string, readonly Tunnel[]>;
  /** Tunnels by the public key they declare, in `all` order (a hand-written peer names one by its key). */
  readonly withPublicKey: ReadonlyMap<string, readonly Tunnel[]>;
  /** Tunnels by each of their tunnel addresses (`10.100.0.2`, no prefix length), in `all` order. */
  readonly atAddress: ReadonlyMap<string, readonly Tunnel[]>;
}

/** The key of one host's interface in `TunnelIndex.spokesOf`. */
export const tunnelKey = (hostName: string, interfaceName: string): string => `${hostName}\u0000${interfaceName}`;

const push = <Value>(map: Map<string, Value[]>, key: string, value: Value): void => {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
};

/**
 * Every WireGuard interface of `hosts`' own files, indexed. Interfaces in shared modules are not
 * tunnels of the fleet: their addresses would be the same on every host, so only host files can
 * take part in hubs and meshes.
 */
export const indexTunnels = (hosts: readonly HostEntry[]): TunnelIndex => {
  const all = [...hosts]
    .sort((a, b) => compareNames(a.name, b.name))
    .flatMap((host) =>
      Object.entries(host.config.services.wireguard ?? {})
        .sort(([a], [b]) => compareNames(a, b))
        .map(([name, config]): Tunnel => ({ host, name, config, origin: { file: host.file, objectPath: ["services", "wireguard", name] } })),
    );
  const ofHost = new Map<string, Tunnel[]>();
  const spokesOf = new Map<string, Tunnel[]>();
  const meshes = new Map<string, Tunnel[]>();
  const withPublicKey = new Map<string, Tunnel[]>();
  const atAddress = new Map<string, Tunnel[]>();
  for (const tunnel of all) {
    push(ofHost, tunnel.host.name, tunnel);
    const { join, mesh, publicKey, ips } = tunnel.config;
    if (join) push(spokesOf, tunnelKey(join.host, join.interface ?? tunnel.name), tunnel);
    if (mesh) push(meshes, mesh, tunnel);
    if (publicKey !== undefined) push(withPublicKey, publicKey, tunnel);
    for (const ip of ips) push(atAddress, addressOf(ip), tunnel);
  }
  return { all, ofHost, spokesOf, meshes, withPublicKey, atAddress };
};
