/**
 * NFS mounts of other fleet hosts' exports (`fileSystems`), checked against the server's exports.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { checkNfsMounts } from "./check.ts";
import { lowerNfsMounts } from "./lower.ts";
import { nfsMountsSchema } from "./schema.ts";

/** The NFS client service. */
export const nfsMountsService: ServiceDefinition<"nfsMounts"> = {
  key: "nfsMounts",
  label: "NFS client",
  schema: nfsMountsSchema,
  lower: lowerNfsMounts,
  checks: [checkNfsMounts],
};
