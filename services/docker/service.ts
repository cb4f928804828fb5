/**
 * Docker (`virtualisation.docker`) and the users allowed to drive it; opens no ports.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerDocker } from "./lower.ts";
import { dockerSchema } from "./schema.ts";

/** The Docker service. */
export const dockerService: ServiceDefinition<"docker"> = { key: "docker", label: "Docker", schema: dockerSchema, lower: lowerDocker };
