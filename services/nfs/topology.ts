/**
 * NFS in the topology diagram: a line from the server to each client, drawn by the client's mount
 * (which says where it is mounted) or, for clients that mount nothing here, by the export.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { hostId, type TopologyDrawing } from "../../generators/inventory/topology-graph.ts";
import { bodiesOfHost, hostWithIp, type FleetIndex } from "../../generators/model/fleet-index.ts";

/** Every NFS line of the fleet: mounts (services.nfsMounts) and the exports no mount draws. */
export const drawNfs = (index: FleetIndex, drawing: TopologyDrawing): void => {
  // A client that mounts an export is drawn by its mount, which says where; not again by the export.
  const mounted = new Set<string>();
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const [mountPoint, mount] of Object.entries(body.config.services.nfsMounts ?? {})) {
        mounted.add(JSON.stringify([mount.host.host, host.name, mount.export]));
        drawing.edge({ from: hostId(mount.host.host), to: hostId(host.name), kind: "nfs", label: `NFS ${mount.export} at ${mountPoint}` });
      }
    }
  }
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const exported of body.config.services.nfs?.exports ?? []) {
        for (const { host: client } of exported.clients) {
          const named = isNixExpression(client) ? client.host : hostWithIp(index, client)?.name;
          if (named !== undefined && mounted.has(JSON.stringify([host.name, named, exported.path]))) continue;
          const to = named !== undefined ? hostId(named) : drawing.externalNode(`clients ${client as string}`, [client as string]);
          drawing.edge({ from: hostId(host.name), to, kind: "nfs", label: `NFS ${exported.path}` });
        }
      }
    }
  }
};

