/**
 * Prometheus node exporter on every machine, reachable through the WireGuard tunnel only (the
 * gateway's WAN side stays closed).
 */
import { defineModule, nodeExporter } from "typeflake";

export default defineModule({
  description: "Prometheus node_exporter",
  services: { nodeExporter: nodeExporter({ enabledCollectors: ["systemd"], openFirewall: ["wg0"] }) },
});
