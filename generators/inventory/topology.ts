/**
 * The fleet's topology as data: its hosts, and the lines each service draws (see a service's
 * `topology` in services/<service>/service.ts), kind by kind: WireGuard links, then nginx
 * proxies to their upstream hosts, then NFS. Every list is in a fixed order (hosts by name, then
 * declaration order), so the diagram is deterministic.
 */
import { SERVICE_DEFINITIONS } from "../../services/registry.ts";
import type { FleetIndex } from "../model/fleet-index.ts";
import { EDGE_KINDS, TopologyDrawing, type Topology } from "./topology-graph.ts";

/** The topology of the fleet of `index`. */
export const fleetTopology = (index: FleetIndex): Topology => {
  const drawing = new TopologyDrawing();
  for (const kind of EDGE_KINDS)
    for (const service of SERVICE_DEFINITIONS) if (service.topology?.kind === kind) service.topology.draw(index, drawing);
  return drawing.result(index.fleet.hosts);
};
