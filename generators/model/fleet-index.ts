/**
 * What service lowerings and cross-host checks read about the rest of the fleet: hosts by name,
 * the bodies (host file and modules) that configure a host, and every WireGuard interface.
 */
import type { ConfigBody } from "../../../dsl/config-body.ts";
import type { WireguardInterface } from "../../../dsl/services/wireguard.ts";
import { knownNames } from "../../diagnostics/suggest.ts";
import { error, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { Entry, Fleet, HostEntry } from "../../model/fleet.ts";
import { modulesOfHost } from "../../model/host-modules.ts";

/** Code-point order, the same on every machine (unlike `localeCompare`). */
export const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The host called `name`, or undefined. */
export const findHost = (fleet: Fleet, name: string): HostEntry | undefined =>
  fleet.hosts.find((entry) => entry.name === name);

/** The `unknown-host` error for a reference to a host the fleet does not have. */
export const unknownHost = (fleet: Fleet, name: string, origin: SourceOrigin): Diagnostic =>
  error("unknown-host", origin, { host: name, by: { kind: "service" }, ...knownNames(name, fleet.hosts.map((entry) => entry.name)) });

/** The files that configure `host`: its own host.ts first, then each module it uses. */
export const bodiesOfHost = (fleet: Fleet, host: HostEntry): Entry<ConfigBody>[] => [host, ...modulesOfHost(fleet, host)];

/** The hosts that use the module called `moduleName`. */
export const hostsUsingModule = (fleet: Fleet, moduleName: string): HostEntry[] =>
  fleet.hosts.filter((entry) => modulesOfHost(fleet, entry).some((module) => module.name === moduleName));

/** The hosts a body configures: the host itself, or every host using the module. */
export const hostsOfBody = (fleet: Fleet, hostName: string | undefined, file: string): HostEntry[] => {
  if (hostName !== undefined) return fleet.hosts.filter((entry) => entry.name === hostName);
  const module = fleet.modules.find((entry) => entry.file === file);
  return module ? hostsUsingModule(fleet, module.name) : [];
};

/** A WireGuard interface declared in a host file. */
export interface Tunnel {
  readonly host: HostEntry;
  readonly name: string;
  readonly config: WireguardInterface;
  /** Where the interface object was written: `services.wireguard.<name>` of the host file. */
  readonly origin: SourceOrigin;
}

/** Every WireGuard interface of the fleet's host files, in order (see `fleetTunnels`). */
const collectTunnels = (fleet: Fleet): Tunnel[] =>
  [...fleet.hosts]
    .sort((a, b) => compareNames(a.name, b.name))
    .flatMap((host) =>
      Object.entries(host.config.services.wireguard ?? {})
        .sort(([a], [b]) => compareNames(a, b))
        .map(([name, config]) => ({
          host,
          name,
          config,
          origin: { file: host.file, objectPath: ["services", "wireguard", name] },
        })),
    );

const tunnelsOf = new WeakMap<Fleet, readonly Tunnel[]>();

/**
 * Every WireGuard interface declared in a host file, sorted by host then interface name.
 * Interfaces in shared modules are not tunnels of the fleet: their addresses would be the same
 * on every host, so only host files can take part in hubs and meshes. Computed once per fleet
 * (the model is read-only): every interface's lowering asks for them.
 */
export const fleetTunnels = (fleet: Fleet): readonly Tunnel[] => {
  const known = tunnelsOf.get(fleet);
  if (known) return known;
  const tunnels = Object.freeze(collectTunnels(fleet));
  tunnelsOf.set(fleet, tunnels);
  return tunnels;
};

/** The fleet's tunnels, indexed the ways peer derivation looks them up. */
export interface TunnelIndex {
  /** Tunnels by host name, in `fleetTunnels` order. */
  readonly ofHost: ReadonlyMap<string, readonly Tunnel[]>;
  /** Spokes by the hub interface they join (`tunnelKey(hub host, interface)`), in `fleetTunnels` order. */
  readonly spokesOf: ReadonlyMap<string, readonly Tunnel[]>;
  /** Members by mesh name, in `fleetTunnels` order. */
  readonly meshes: ReadonlyMap<string, readonly Tunnel[]>;
}

/** The key of one host's interface in a `TunnelIndex`. */
export const tunnelKey = (hostName: string, interfaceName: string): string => `${hostName}\u0000${interfaceName}`;

const push = <Value>(map: Map<string, Value[]>, key: string, value: Value): void => {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
};

const indexes = new WeakMap<Fleet, TunnelIndex>();

/** The tunnels indexed by host, joined hub interface and mesh; computed once per fleet. */
export const tunnelIndex = (fleet: Fleet): TunnelIndex => {
  const known = indexes.get(fleet);
  if (known) return known;
  const ofHost = new Map<string, Tunnel[]>();
  const spokesOf = new Map<string, Tunnel[]>();
  const meshes = new Map<string, Tunnel[]>();
  for (const tunnel of fleetTunnels(fleet)) {
    push(ofHost, tunnel.host.name, tunnel);
    const join = tunnel.config.join;
    if (join) push(spokesOf, tunnelKey(join.host, join.interface ?? tunnel.name), tunnel);
    if (tunnel.config.mesh) push(meshes, tunnel.config.mesh, tunnel);
  }
  const index = { ofHost, spokesOf, meshes };
  indexes.set(fleet, index);
  return index;
};
