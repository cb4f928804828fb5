/**
 * Peers derived from the fleet. A spoke that `join`s a hub gets the hub (its key, its tunnel
 * networks as allowedIPs, its address and listenPort as endpoint, a keepalive so the hub can
 * reach it behind NAT); the hub gets every spoke (its key, its tunnel addresses as host routes).
 * Members of a mesh get each other. Each missing key or port is reported once, at the host whose
 * definition lacks it.
 */
import type { NixValue } from "../../dsl/expressions.ts";
import type { WireguardInterface } from "./schema.ts";
import { bracketed, hostRoute, networkOf } from "../../dsl/address.ts";
import { knownNames, suggestionFor } from "../../generators/diagnostics/suggest.ts";
import { child, error, type Diagnostic, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import { compareNames } from "../../generators/model/compare-names.ts";
import { findHost, type FleetIndex } from "../../generators/model/fleet-index.ts";
import { tunnelKey, type Tunnel, type TunnelIndex } from "../../generators/model/tunnels.ts";
import { setFields } from "../../generators/lower/emit.ts";

/** The interface being lowered: which host, which name, its settings and where they were written. */
export interface OwnInterface {
  readonly hostName: string;
  readonly name: string;
  readonly config: WireguardInterface;
  readonly origin: SourceOrigin;
}

interface DerivedPeer {
  /** The peer host, for the deterministic order. */
  readonly host: string;
  readonly value: { readonly [name: string]: NixValue };
}

/** Peers found by one rule (hub, spokes, mesh), and the problems found applying it. */
interface Derivation {
  readonly peers: readonly DerivedPeer[];
  readonly diagnostics: readonly Diagnostic[];
}

/** `address:port` other hosts reach a tunnel at. */
const endpointOf = (tunnel: Tunnel, listenPort: number): string =>
  `${bracketed(tunnel.config.endpointAddress ?? tunnel.host.config.address)}:${listenPort}`;

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The hub's entry on a spoke, plus the problems of the `join` itself. */
/** The `unknown-host` error for a hub that is no host of the fleet. */
const unknownHost = (index: FleetIndex, name: string, origin: SourceOrigin): Diagnostic =>
  error("unknown-host", origin, { host: name, by: { kind: "service" }, ...knownNames(name, [...index.hosts.keys()]) });

const hubPeer = (index: FleetIndex, tunnels: TunnelIndex, own: OwnInterface): Derivation => {
  const join = own.config.join;
  if (!join) return { peers: [], diagnostics: [] };
  const at = child(own.origin, "join");
  const hubHost = findHost(index, join.host);
  if (!hubHost) return { peers: [], diagnostics: [unknownHost(index, join.host, child(at, "host"))] };
  if (hubHost.name === own.hostName)
    return { peers: [], diagnostics: [error("wireguard-join-self", child(at, "host"), { host: join.host })] };
  const hubName = join.interface ?? own.name;
  const hubTunnels = tunnels.ofHost.get(hubHost.name) ?? [];
  const hub = hubTunnels.find((tunnel) => tunnel.name === hubName);
  if (!hub) {
    const interfaces = hubTunnels.map((tunnel) => tunnel.name);
    const unknown = error(
      "unknown-wireguard-interface",
      child(at, join.interface ? "interface" : "host"),
      { host: hubHost.name, interface: hubName, interfaces, ...suggestionFor(hubName, interfaces) },
      [{ file: hubHost.file, objectPath: ["services", "wireguard"] }],
    );
    return { peers: [], diagnostics: [unknown] };
  }
  const diagnostics = own.config.publicKey
    ? []
    : [error("missing-public-key", own.origin, { role: "spoke", hub: hub.host.name, interface: hub.name })];
  // A hub without key or port is reported at the hub; the spoke just cannot peer with it yet.
  const { publicKey, listenPort } = hub.config;
  if (!publicKey || !listenPort) return { peers: [], diagnostics };
  const value = setFields({
    name: hub.host.name,
    publicKey,
    allowedIPs: join.allowedIPs ?? unique(hub.config.ips.map(networkOf)),
    endpoint: endpointOf(hub, listenPort),
    persistentKeepalive: join.persistentKeepalive > 0 ? join.persistentKeepalive : undefined,
  });
  return { peers: [{ host: hub.host.name, value }], diagnostics };
};

/** Every spoke that joins this interface, on the hub. */
const spokePeers = (tunnels: TunnelIndex, own: OwnInterface): Derivation => {
  const spokes = (tunnels.spokesOf.get(tunnelKey(own.hostName, own.name)) ?? []).filter((tunnel) => tunnel.host.name !== own.hostName);
  if (!spokes.length) return { peers: [], diagnostics: [] };
  const names = spokes.map((spoke) => spoke.host.name);
  const related = spokes.map((spoke) => child(spoke.origin, "join"));
  const diagnostics = [
    ...(own.config.publicKey ? [] : [error("missing-public-key", own.origin, { role: "hub", spokes: names }, related)]),
    ...(own.config.listenPort ? [] : [error("missing-listen-port", own.origin, { spokes: names }, related)]),
  ];
  const peers = spokes.flatMap((spoke) =>
    spoke.config.publicKey
      ? [{ host: spoke.host.name, value: { name: spoke.host.name, publicKey: spoke.config.publicKey, allowedIPs: unique(spoke.config.ips.map(hostRoute)) } }]
      : [],
  );
  return { peers, diagnostics };
};

/** Every other member of this interface's mesh. */
const meshPeers = (tunnels: TunnelIndex, own: OwnInterface): Derivation => {
  const mesh = own.config.mesh;
  if (!mesh) return { peers: [], diagnostics: [] };
  const members = (tunnels.meshes.get(mesh) ?? []).filter((tunnel) => tunnel.host.name !== own.hostName);
  const diagnostics = own.config.publicKey
    ? []
    : [error("missing-public-key", own.origin, { role: "mesh", mesh })];
  const peers = members.flatMap((member) =>
    member.config.publicKey
      ? [
          {
            host: member.host.name,
            value: setFields({
              name: member.host.name,
              publicKey: member.config.publicKey,
              allowedIPs: unique(member.config.ips.map(hostRoute)),
              endpoint: member.config.listenPort ? endpointOf(member, member.config.listenPort) : undefined,
            }),
          },
        ]
      : [],
  );
  return { peers, diagnostics };
};

/** The peers the fleet gives this interface, sorted by host name, and the problems found deriving them. */
export const derivedPeers = (index: FleetIndex, own: OwnInterface): { peers: NixValue[]; diagnostics: Diagnostic[] } => {
  const tunnels = index.tunnels;
  const parts = [hubPeer(index, tunnels, own), spokePeers(tunnels, own), meshPeers(tunnels, own)];
  return {
    peers: parts
      .flatMap((part) => part.peers)
      .sort((a, b) => compareNames(a.host, b.host))
      .map((peer) => peer.value),
    diagnostics: parts.flatMap((part) => part.diagnostics),
  };
};
