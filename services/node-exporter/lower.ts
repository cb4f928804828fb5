/**
 * Prometheus node exporter → `services.prometheus.exporters.node`; its port on TCP, opened (only
 * when asked, on every interface or on named ones) by typeflake's firewall rather than the
 * exporter's own `openFirewall`.
 */
import type { NodeExporterConfig } from "./schema.ts";
import type { Lowering } from "../../generators/lower/contribution.ts";
import { fieldDefinitions, portClaims } from "../../generators/lower/emit.ts";

/** NixOS's default port, left unwritten when kept. */
const DEFAULT_PORT = 9100;

/** Node exporter: enable and the settings that differ from NixOS's defaults. */
export const lowerNodeExporter: Lowering<NodeExporterConfig> = (exporter, context) => {
  const origin = context.origin;
  const prefix = ["services", "prometheus", "exporters", "node"];
  return {
    definitions: [
      { path: [...prefix, "enable"], value: true, origin },
      ...fieldDefinitions(prefix, origin, {
        port: exporter.port === DEFAULT_PORT ? undefined : exporter.port,
        listenAddress: exporter.listenAddress,
        enabledCollectors: exporter.enabledCollectors.length ? exporter.enabledCollectors : undefined,
        disabledCollectors: exporter.disabledCollectors.length ? exporter.disabledCollectors : undefined,
      }),
    ],
    ports: portClaims("node exporter", "tcp", [exporter.port], origin, exporter.openFirewall !== false).map((claim) =>
      Array.isArray(exporter.openFirewall) ? { ...claim, interfaces: exporter.openFirewall } : claim,
    ),
    diagnostics: [],
  };
};
