/**
 * The fleet's topology as data: hosts and the machines and networks they talk to outside the
 * fleet, WireGuard links (hub and spoke, meshes, hand-written peers), nginx proxies to their
 * upstream hosts, and NFS (exports to clients, mounts of other hosts' exports). Every list is
 * in a fixed order (hosts by name, then declaration order), so the diagram is deterministic.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import type { NginxVirtualHost } from "../../dsl/services/nginx.ts";
import { unbracketed } from "../../dsl/address.ts";
import { compareNames } from "../model/compare-names.ts";
import { bodiesOfHost, hostWithIp, hostWrittenAs, type FleetIndex } from "../model/fleet-index.ts";
import type { HostEntry } from "../model/fleet.ts";
import type { Tunnel } from "../model/tunnels.ts";

/** A box in the diagram. */
export interface TopologyNode {
  readonly id: string;
  /** Lines of the label. */
  readonly label: readonly string[];
  /** A fleet host, or a peer or network outside the fleet. */
  readonly kind: "host" | "external";
}

/** A line between two boxes. */
export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  /** WireGuard links go both ways; a proxy points at its upstream; NFS points from server to client. */
  readonly kind: "wireguard" | "proxy" | "nfs";
  readonly label: string;
}

/** Every box and line of the diagram. */
export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** Host names are lowercase letters, digits and `-`, so swapping `-` for `_` keeps ids distinct. */
const hostId = (name: string): string => `host_${name.replaceAll("-", "_")}`;

/** Collects nodes outside the fleet once each, and edges once each, in the order they are found. */
class Builder {
  private readonly external = new Map<string, TopologyNode>();
  private readonly edges = new Map<string, TopologyEdge>();

  /** The id of the outside node known by `key`, created with `label` on first use. */
  externalNode(key: string, label: readonly string[]): string {
    const known = this.external.get(key);
    if (known) return known.id;
    const id = `ext_${this.external.size + 1}`;
    this.external.set(key, { id, label, kind: "external" });
    return id;
  }

  edge(edge: TopologyEdge): void {
    // A WireGuard link found from both of its ends is one link.
    const ends = edge.kind === "wireguard" ? [edge.from, edge.to].sort(compareNames) : [edge.from, edge.to];
    const key = JSON.stringify([edge.kind, ...ends, edge.label]);
    if (!this.edges.has(key)) this.edges.set(key, edge);
  }

  result(hosts: readonly HostEntry[]): Topology {
    return {
      nodes: [...hosts.map((host): TopologyNode => ({ id: hostId(host.name), label: [host.name, host.config.address], kind: "host" })), ...this.external.values()],
      edges: [...this.edges.values()],
    };
  }
}

/**
 * A link is named by its interfaces, `WireGuard wg0` (or `WireGuard wg0/wg1` when the two ends
 * name theirs differently), so a pair found twice — as mesh members and as hand-written peers —
 * is drawn once.
 */
const wireguardEdges = (index: FleetIndex, builder: Builder): void => {
  const tunnels = index.tunnels.all;
  const link = (a: Tunnel, b: Tunnel) => {
    const [first, second] = [a, b].sort((x, y) => compareNames(x.host.name, y.host.name)) as [Tunnel, Tunnel];
    const label = first.name === second.name ? `WireGuard ${first.name}` : `WireGuard ${first.name}/${second.name}`;
    builder.edge({ from: hostId(a.host.name), to: hostId(b.host.name), kind: "wireguard", label });
  };
  for (const tunnel of tunnels) {
    const join = tunnel.config.join;
    const hub = join && tunnels.find((other) => other.host.name === join.host && other.name === (join.interface ?? tunnel.name));
    if (hub) link(tunnel, hub);
    const mesh = tunnel.config.mesh;
    for (const member of tunnels.filter((other) => mesh !== undefined && other.config.mesh === mesh && other.host !== tunnel.host)) link(tunnel, member);
    for (const peer of tunnel.config.peers) {
      const known = tunnels.find((other) => other.config.publicKey === peer.publicKey && other.host !== tunnel.host);
      if (known) {
        link(tunnel, known);
        continue;
      }
      const to = builder.externalNode(`peer ${peer.publicKey}`, [peer.name ?? "peer", peer.allowedIPs.join(", ")]);
      builder.edge({ from: hostId(tunnel.host.name), to, kind: "wireguard", label: `WireGuard ${tunnel.name}` });
    }
  }
};

/** The fleet host a proxy target names, and the port: `host("compute").port(3000)` or `"http://10.0.20.11:3000"`. */
const upstreamOf = (index: FleetIndex, target: NonNullable<NginxVirtualHost["locations"][string]["proxyPass"]>) => {
  if (isNixExpression(target)) return target.url && { host: target.host, port: String(target.url.port) };
  const url = URL.canParse(target) ? new URL(target) : undefined;
  const host = url && hostWrittenAs(index, unbracketed(url.hostname));
  return host && url && { host: host.name, port: url.port || (url.protocol === "https:" ? "443" : "80") };
};

const proxyEdges = (index: FleetIndex, builder: Builder): void => {
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const [server, vhost] of Object.entries(body.config.services.nginx?.virtualHosts ?? {})) {
        for (const [location, settings] of Object.entries(vhost.locations)) {
          const upstream = settings.proxyPass && upstreamOf(index, settings.proxyPass);
          if (!upstream || upstream.host === host.name) continue;
          const path = location === "/" ? "" : ` ${location}`;
          builder.edge({ from: hostId(host.name), to: hostId(upstream.host), kind: "proxy", label: `${server}${path} → :${upstream.port}` });
        }
      }
    }
  }
};

const nfsEdges = (index: FleetIndex, builder: Builder): void => {
  // A client that mounts an export is drawn by its mount, which says where; not again by the export.
  const mounted = new Set<string>();
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const [mountPoint, mount] of Object.entries(body.config.services.nfsMounts ?? {})) {
        mounted.add(JSON.stringify([mount.host.host, host.name, mount.export]));
        builder.edge({ from: hostId(mount.host.host), to: hostId(host.name), kind: "nfs", label: `NFS ${mount.export} at ${mountPoint}` });
      }
    }
  }
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const exported of body.config.services.nfs?.exports ?? []) {
        for (const { host: client } of exported.clients) {
          const named = isNixExpression(client) ? client.host : hostWithIp(index, client)?.name;
          if (named !== undefined && mounted.has(JSON.stringify([host.name, named, exported.path]))) continue;
          const to = named !== undefined ? hostId(named) : builder.externalNode(`clients ${client as string}`, [client as string]);
          builder.edge({ from: hostId(host.name), to, kind: "nfs", label: `NFS ${exported.path}` });
        }
      }
    }
  }
};

/** The topology of the fleet of `index`. */
export const fleetTopology = (index: FleetIndex): Topology => {
  const builder = new Builder();
  wireguardEdges(index, builder);
  proxyEdges(index, builder);
  nfsEdges(index, builder);
  return builder.result(index.fleet.hosts);
};
