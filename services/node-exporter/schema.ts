/**
 * The Prometheus node exporter (`services.prometheus.exporters.node`): machine metrics on
 * `http://<host>:9100/metrics`.
 */
import { z } from "zod";
import { checkParams } from "../../dsl/check-params.ts";
import { isIpv4, parseAddress, unbracketed } from "../../dsl/address.ts";
import { dnsName, port } from "../../dsl/checks.ts";
import { interfaceName } from "../wireguard/schema.ts";

/** A node exporter collector name, e.g. `"systemd"`. */
const collector = z.string().regex(/^[a-z0-9_]+$/, { error: 'must be a collector name such as "systemd" or "processes"' });

/**
 * Prometheus node exporter. Its port (TCP 9100 by default) stays closed unless `openFirewall`
 * opens it, as NixOS's own `openFirewall` (default `false`) does.
 */
export const nodeExporterSchema = z.strictObject({
  /** TCP port of the metrics endpoint. Default: `9100`. */
  port: port.default(9100),
  /**
   * Address to listen on: an IPv4 address, `[an IPv6 address]` or a host name, e.g.
   * `"10.0.20.10"` or `"[::1]"`. It becomes part of the exporter's command line
   * (`--web.listen-address=<address>:<port>`). Default: every address (`"0.0.0.0"`).
   */
  listenAddress: z
    .string()
    .refine(
      (value) =>
        isIpv4(value) || dnsName.safeParse(value).success || (unbracketed(value) !== value && parseAddress(unbracketed(value)) !== undefined),
      {
        params: checkParams("invalid-address", {
          expected: 'an address to listen on: an IPv4 address such as "10.0.20.10", an IPv6 address in brackets such as "[::1]", or a host name',
        }),
      },
    )
    .optional(),
  /** Collectors enabled besides the defaults, e.g. `["systemd", "processes"]`. */
  enabledCollectors: z.array(collector).default([]),
  /** Default collectors turned off, e.g. `["wifi"]`. */
  disabledCollectors: z.array(collector).default([]),
  /**
   * Open the port to a Prometheus on another machine: `true` on every interface, or only on the
   * interfaces listed, e.g. `["wg0"]` (`networking.firewall.interfaces.wg0.allowedTCPPorts`), so
   * a gateway's WAN side stays closed. Default: `false` (closed; machine metrics are not public).
   */
  openFirewall: z
    .union([z.boolean(), z.array(interfaceName).min(1, { error: "must list at least one interface, such as [\"wg0\"]; or write false" })], {
      error: 'must be true (every interface), false, or a list of interfaces such as ["wg0"]',
    })
    .default(false),
});

/** What `nodeExporter({ … })` takes. */
export type NodeExporterInput = z.input<typeof nodeExporterSchema>;
/** A validated node exporter configuration. */
export type NodeExporterConfig = z.output<typeof nodeExporterSchema>;
