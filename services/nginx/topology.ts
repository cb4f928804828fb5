/**
 * nginx in the topology diagram: a line from the proxy to each fleet host it forwards to, named
 * by `host("…").port(…)` or by the host's address in a URL.
 */
import { unbracketed } from "../../dsl/address.ts";
import { isNixExpression } from "../../dsl/expressions.ts";
import { hostId, type TopologyDrawing } from "../../generators/inventory/topology-graph.ts";
import { bodiesOfHost, hostWrittenAs, type FleetIndex } from "../../generators/model/fleet-index.ts";
import type { NginxVirtualHost } from "./schema.ts";

/** The fleet host a proxy target names, and the port: `host("compute").port(3000)` or `"http://10.0.20.11:3000"`. */
const upstreamOf = (index: FleetIndex, target: NonNullable<NginxVirtualHost["locations"][string]["proxyPass"]>) => {
  if (isNixExpression(target)) return target.url && { host: target.host, port: String(target.url.port) };
  const url = URL.canParse(target) ? new URL(target) : undefined;
  const host = url && hostWrittenAs(index, unbracketed(url.hostname));
  return host && url && { host: host.name, port: url.port || (url.protocol === "https:" ? "443" : "80") };
};

/** Every proxy line of the fleet. */
export const drawProxies = (index: FleetIndex, drawing: TopologyDrawing): void => {
  for (const host of index.fleet.hosts) {
    for (const body of bodiesOfHost(index, host)) {
      for (const [server, vhost] of Object.entries(body.config.services.nginx?.virtualHosts ?? {})) {
        for (const [location, settings] of Object.entries(vhost.locations)) {
          const upstream = settings.proxyPass && upstreamOf(index, settings.proxyPass);
          if (!upstream || upstream.host === host.name) continue;
          const path = location === "/" ? "" : ` ${location}`;
          drawing.edge({ from: hostId(host.name), to: hostId(upstream.host), kind: "proxy", label: `${server}${path} → :${upstream.port}` });
        }
      }
    }
  }
};

