/**
 * WireGuard in the topology diagram: hub and spoke, mesh members, and hand-written peers, which
 * are fleet hosts when their key is one's and boxes outside the fleet otherwise.
 */
import { hostId, type TopologyDrawing } from "../../generators/inventory/topology-graph.ts";
import { compareNames } from "../../generators/model/compare-names.ts";
import type { FleetIndex } from "../../generators/model/fleet-index.ts";
import type { Tunnel } from "../../generators/model/tunnels.ts";

/**
 * A link is named by its interfaces, `WireGuard wg0` (or `WireGuard wg0/wg1` when the two ends
 * name theirs differently), so a pair found twice — as mesh members and as hand-written peers —
 * is drawn once.
 */
export const drawWireguard = (index: FleetIndex, drawing: TopologyDrawing): void => {
  // Each end looked up in the index: searching all tunnels for each of a hub's thousand peers was
  // a tenth of a 1,000-host run.
  const { all, ofHost, meshes, withPublicKey } = index.tunnels;
  const link = (a: Tunnel, b: Tunnel) => {
    const [first, second] = [a, b].sort((x, y) => compareNames(x.host.name, y.host.name)) as [Tunnel, Tunnel];
    const label = first.name === second.name ? `WireGuard ${first.name}` : `WireGuard ${first.name}/${second.name}`;
    drawing.edge({ from: hostId(a.host.name), to: hostId(b.host.name), kind: "wireguard", label });
  };
  for (const tunnel of all) {
    const join = tunnel.config.join;
    const hub = join && ofHost.get(join.host)?.find((other) => other.name === (join.interface ?? tunnel.name));
    if (hub) link(tunnel, hub);
    const mesh = tunnel.config.mesh;
    for (const member of mesh === undefined ? [] : (meshes.get(mesh) ?? [])) if (member.host !== tunnel.host) link(tunnel, member);
    for (const peer of tunnel.config.peers) {
      const known = withPublicKey.get(peer.publicKey)?.find((other) => other.host !== tunnel.host);
      if (known) {
        link(tunnel, known);
        continue;
      }
      const to = drawing.externalNode(`peer ${peer.publicKey}`, [peer.name ?? "peer", peer.allowedIPs.join(", ")]);
      drawing.edge({ from: hostId(tunnel.host.name), to, kind: "wireguard", label: `WireGuard ${tunnel.name}` });
    }
  }
};
