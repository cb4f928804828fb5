/**
 * Samba: SMB file shares (`services.samba`); opens TCP 445 and 139.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerSamba } from "./lower.ts";
import { sambaSchema } from "./schema.ts";

/** The Samba service. */
export const sambaService: ServiceDefinition<"samba"> = { key: "samba", label: "Samba", schema: sambaSchema, lower: lowerSamba };
