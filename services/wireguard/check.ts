/**
 * WireGuard across hosts: every tunnel address belongs to one host, and a hand-written peer that
 * is in fact a fleet host (same public key) routes exactly that host's tunnel addresses.
 */
import type { WireguardInterface } from "./schema.ts";
import { child, error, type Diagnostic, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import { addressOf, hostRoute, isHostRoute, networkContains } from "../../dsl/address.ts";
import type { FleetIndex } from "../../generators/model/fleet-index.ts";
import type { Entry, Fleet } from "../../generators/model/fleet.ts";
import type { Tunnel, TunnelIndex } from "../../generators/model/tunnels.ts";
import type { ConfigBody } from "../../dsl/config-body.ts";

/** Two interfaces with one tunnel address: packets for it would reach either host. */
const duplicateAddresses = (tunnels: readonly Tunnel[]): Diagnostic[] => {
  const first = new Map<string, { tunnel: Tunnel; origin: SourceOrigin }>();
  return tunnels.flatMap((tunnel) =>
    tunnel.config.ips.flatMap((ip, index) => {
      const address = addressOf(ip);
      const origin = child(tunnel.origin, "ips", index);
      const earlier = first.get(address);
      if (!earlier) {
        first.set(address, { tunnel, origin });
        return [];
      }
      return [
        error("duplicate-tunnel-address", origin, { address, firstHost: earlier.tunnel.host.name, interface: earlier.tunnel.name }, [earlier.origin]),
      ];
    }),
  );
};

/** A hand-written peer of a WireGuard interface, and where it was written. */
interface WrittenPeer {
  readonly peer: WireguardInterface["peers"][number];
  readonly origin: SourceOrigin;
  /** The host whose file (or one of whose modules) declares it; undefined in a module. */
  readonly owner: string | undefined;
}

/** Every hand-written peer, in host files and modules. */
const writtenPeers = (fleet: Fleet): WrittenPeer[] => {
  const entries = [
    ...fleet.hosts.map((host) => ({ entry: host as Entry<ConfigBody>, owner: host.name as string | undefined })),
    ...fleet.modules.map((module) => ({ entry: module as Entry<ConfigBody>, owner: undefined })),
  ];
  return entries.flatMap(({ entry, owner }) =>
    Object.entries(entry.config.services.wireguard ?? {}).flatMap(([name, wg]) =>
      wg.peers.map((peer, index) => ({ peer, owner, origin: { file: entry.file, objectPath: ["services", "wireguard", name, "peers", index] } })),
    ),
  );
};

const addresses = (tunnel: Tunnel): string[] => tunnel.config.ips.map(addressOf);

/** The fleet tunnel whose key a peer carries: its allowedIPs must route that tunnel's addresses, and only those as host routes. */
const keyMismatch = (tunnel: Tunnel, { peer, origin }: WrittenPeer): Diagnostic[] => {
  const unrouted = addresses(tunnel).filter((address) => !peer.allowedIPs.some((allowed) => networkContains(allowed, address)));
  const strays = peer.allowedIPs.filter((allowed) => isHostRoute(allowed) && !addresses(tunnel).includes(addressOf(allowed)));
  if (!unrouted.length && !strays.length) return [];
  return [
    error(
      "peer-allowed-ips-mismatch",
      child(origin, "allowedIPs"),
      {
        kind: "key",
        host: tunnel.host.name,
        interface: tunnel.name,
        tunnelAddresses: addresses(tunnel),
        allowedIPs: peer.allowedIPs,
        unrouted,
        strays,
        routes: tunnel.config.ips.map(hostRoute),
      },
      [child(tunnel.origin, "ips")],
    ),
  ];
};

/** The first of `tunnels` that is not on the host that wrote the peer. */
const otherThanOwner = (tunnels: readonly Tunnel[] | undefined, { owner }: WrittenPeer): Tunnel | undefined =>
  tunnels?.find((tunnel) => tunnel.host.name !== owner);

/** Host routes to another fleet host's tunnel address under a key that is not that host's. */
const addressMismatch = ({ atAddress }: TunnelIndex, written: WrittenPeer): Diagnostic[] =>
  written.peer.allowedIPs.flatMap((allowed, index) => {
    const { origin } = written;
    const holder = isHostRoute(allowed) ? otherThanOwner(atAddress.get(addressOf(allowed)), written) : undefined;
    if (!holder?.config.publicKey) return [];
    return [
      error(
        "peer-allowed-ips-mismatch",
        child(origin, "allowedIPs", index),
        { kind: "address", route: allowed, host: holder.host.name, interface: holder.name, publicKey: holder.config.publicKey },
        [child(holder.origin, "ips")],
      ),
    ];
  });

/**
 * A hand-written peer that is a fleet host, or routes one's tunnel address, must agree with that
 * host. Looked up in the index: a hub with a thousand hand-written peers, each searched for
 * through every tunnel, took time growing with the square of the fleet.
 */
const peerMismatch = (tunnels: TunnelIndex, written: WrittenPeer): Diagnostic[] => {
  const sameKey = otherThanOwner(tunnels.withPublicKey.get(written.peer.publicKey), written);
  return sameKey ? keyMismatch(sameKey, written) : addressMismatch(tunnels, written);
};

/** Duplicate tunnel addresses and hand-written peers that disagree with the fleet. */
export const checkTunnels = (index: FleetIndex): Diagnostic[] => [
  ...duplicateAddresses(index.tunnels.all),
  ...writtenPeers(index.fleet).flatMap((peer) => peerMismatch(index.tunnels, peer)),
];
