/**
 * The Prometheus node exporter (`services.prometheus.exporters.node`): machine metrics on
 * `http://<host>:9100/metrics`.
 */
import { z } from "zod";
import { port } from "../checks.ts";
import { openFirewall } from "./common.ts";

/** A node exporter collector name, e.g. `"systemd"`. */
const collector = z.string().regex(/^[a-z0-9_]+$/, { error: 'must be a collector name such as "systemd" or "processes"' });

/** Prometheus node exporter. Opens its port (TCP 9100 by default). */
export const nodeExporterSchema = z.strictObject({
  /** TCP port of the metrics endpoint. Default: `9100`. */
  port: port.default(9100),
  /** Address to listen on, e.g. `"10.0.20.10"`. Default: every address (`"0.0.0.0"`). */
  listenAddress: z.string().min(1).optional(),
  /** Collectors enabled besides the defaults, e.g. `["systemd", "processes"]`. */
  enabledCollectors: z.array(collector).default([]),
  /** Default collectors turned off, e.g. `["wifi"]`. */
  disabledCollectors: z.array(collector).default([]),
  /** Open the port. Default: `true`, so a Prometheus elsewhere in the fleet can scrape it. */
  openFirewall,
});

/** What `nodeExporter({ … })` takes. */
export type NodeExporterInput = z.input<typeof nodeExporterSchema>;
/** A validated node exporter configuration. */
export type NodeExporterConfig = z.output<typeof nodeExporterSchema>;
