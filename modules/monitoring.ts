/**
 * Prometheus node exporter on every machine.
 */
import { defineModule, nodeExporter } from "typeflake";

export default defineModule({
  description: "Prometheus node_exporter",
  services: { nodeExporter: nodeExporter({ enabledCollectors: ["systemd"] }) },
});
