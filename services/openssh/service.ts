/**
 * OpenSSH with hardened defaults (`services.openssh`); opens its ports.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerOpenssh } from "./lower.ts";
import { opensshSchema } from "./schema.ts";

/** The OpenSSH service. */
export const opensshService: ServiceDefinition<"openssh"> = { key: "openssh", label: "OpenSSH", schema: opensshSchema, lower: lowerOpenssh };
