/**
 * The topology diagram as data, and the drawing services add their lines to: boxes for the
 * fleet's hosts and for the machines and networks outside the fleet they talk to, and lines
 * between them, each kept once, in the order they are drawn.
 */
import { compareNames } from "../model/compare-names.ts";
import type { HostEntry } from "../model/fleet.ts";

/** A box in the diagram. */
export interface TopologyNode {
  readonly id: string;
  /** Lines of the label. */
  readonly label: readonly string[];
  /** A fleet host, or a peer or network outside the fleet. */
  readonly kind: "host" | "external";
}

/** The kinds of line, in the order the diagram draws them: tunnels, then proxies, then file sharing. */
export const EDGE_KINDS = ["wireguard", "proxy", "nfs"] as const;

/** A kind of line. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** A line between two boxes. */
export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  /** WireGuard links go both ways; a proxy points at its upstream; NFS points from server to client. */
  readonly kind: EdgeKind;
  readonly label: string;
}

/** Every box and line of the diagram. */
export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** The box of a fleet host. Host names are lowercase letters, digits and `-`, so swapping `-` for `_` keeps ids distinct. */
export const hostId = (name: string): string => `host_${name.replaceAll("-", "_")}`;

/** Collects nodes outside the fleet once each, and edges once each, in the order they are drawn. */
export class TopologyDrawing {
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

  /** Draw `edge`, unless it is drawn already. */
  edge(edge: TopologyEdge): void {
    // A WireGuard link found from both of its ends is one link.
    const ends = edge.kind === "wireguard" ? [edge.from, edge.to].sort(compareNames) : [edge.from, edge.to];
    const key = JSON.stringify([edge.kind, ...ends, edge.label]);
    if (!this.edges.has(key)) this.edges.set(key, edge);
  }

  /** The diagram: a box per host of `hosts`, the outside boxes, the lines. */
  result(hosts: readonly HostEntry[]): Topology {
    return {
      nodes: [...hosts.map((host): TopologyNode => ({ id: hostId(host.name), label: [host.name, host.config.address], kind: "host" })), ...this.external.values()],
      edges: [...this.edges.values()],
    };
  }
}

