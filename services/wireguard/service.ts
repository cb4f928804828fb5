/**
 * WireGuard tunnels (`networking.wireguard.interfaces`): peers derived across the fleet, tunnel
 * addresses and hand-written peers checked against the other hosts, each interface's addresses
 * in the inventory, and the links in the topology.
 */
import { compareNames } from "../../generators/model/compare-names.ts";
import type { ServiceDefinition } from "../service-definition.ts";
import { checkTunnels } from "./check.ts";
import { lowerWireguard } from "./lower.ts";
import { wireguardSchema } from "./schema.ts";
import { drawWireguard } from "./topology.ts";

/** The WireGuard service. */
export const wireguardService: ServiceDefinition<"wireguard"> = {
  key: "wireguard",
  label: "WireGuard",
  schema: wireguardSchema,
  lower: lowerWireguard,
  hostsNamed: (interfaces) => Object.values(interfaces).flatMap((wg) => (wg.join ? [wg.join.host] : [])),
  checks: [checkTunnels],
  inventoryColumn: {
    header: "Tunnel addresses",
    cells: (interfaces) =>
      Object.entries(interfaces)
        .sort(([a], [b]) => compareNames(a, b))
        .map(([name, tunnel]) => `${name} ${tunnel.ips.join(", ")}`),
  },
  topology: { kind: "wireguard", draw: drawWireguard },
};
