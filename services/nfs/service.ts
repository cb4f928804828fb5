/**
 * The NFS server (`services.nfs.server`) and its exports; opens TCP 2049. It draws the NFS lines
 * of the topology, its clients' mounts included (a mount says where an export is mounted).
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerNfs } from "./lower.ts";
import { nfsSchema } from "./schema.ts";
import { drawNfs } from "./topology.ts";

/** The NFS server service. */
export const nfsService: ServiceDefinition<"nfs"> = {
  key: "nfs",
  label: "NFS server",
  schema: nfsSchema,
  lower: lowerNfs,
  topology: { kind: "nfs", draw: drawNfs },
};
