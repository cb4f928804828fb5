/**
 * The Prometheus node exporter (`services.prometheus.exporters.node`); its port stays closed
 * unless `openFirewall` opens it.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerNodeExporter } from "./lower.ts";
import { nodeExporterSchema } from "./schema.ts";

/** The node exporter service. */
export const nodeExporterService: ServiceDefinition<"nodeExporter"> = {
  key: "nodeExporter",
  label: "node exporter",
  schema: nodeExporterSchema,
  lower: lowerNodeExporter,
};
