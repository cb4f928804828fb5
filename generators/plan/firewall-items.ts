/**
 * The firewall as plan items: whether it is on, and each open port or range with where it is
 * open (`tcp 8080 on all interfaces`, `udp 51820 on wg0`), so opening a port on one interface
 * instead of all is a change, and a port newly open everywhere can be told apart.
 */
import { isAttrSet, listAt, setAt, valueAt, type AttrSet } from "./values.ts";

/** Where an item says a port is open to every interface. */
export const ALL_INTERFACES = "all interfaces";

const KINDS = [
  ["tcp", "allowedTCPPorts", "allowedTCPPortRanges"],
  ["udp", "allowedUDPPorts", "allowedUDPPortRanges"],
] as const;

const portsOf = (set: unknown, where: string): string[] =>
  KINDS.flatMap(([protocol, ports, ranges]) => [
    ...listAt(set, [ports]).filter((port) => typeof port === "number").map((port) => `${protocol} ${port} on ${where}`),
    ...listAt(set, [ranges]).flatMap((range) =>
      isAttrSet(range) && typeof range["from"] === "number" && typeof range["to"] === "number"
        ? [`${protocol} ${range["from"]}-${range["to"]} on ${where}`]
        : [],
    ),
  ]);

/** `state` (on/off), the trusted interfaces, and every open port, from `networking.firewall`. */
export const portItems = (firewall: AttrSet): Map<string, unknown> => {
  const interfaces = setAt(firewall, ["interfaces"]);
  const enable = valueAt(firewall, ["enable"]);
  return new Map<string, unknown>([
    ["state", enable === false ? "off" : typeof enable === "boolean" || enable === undefined ? "on" : enable],
    ...listAt(firewall, ["trustedInterfaces"]).map((name) => [`every port on ${String(name)} (trusted)`, true] as const),
    ...portsOf(firewall, ALL_INTERFACES).map((item) => [item, true] as const),
    ...Object.entries(interfaces).flatMap(([name, set]) => portsOf(set, name).map((item) => [item, true] as const)),
  ]);
};
