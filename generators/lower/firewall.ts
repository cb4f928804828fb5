/**
 * `networking.firewall` for one file: the ports its services claim (unless they opted out),
 * merged with the ports written explicitly, sorted and de-duplicated; ports a service opens on
 * named interfaces only go to `networking.firewall.interfaces.<name>`.
 */
import type { z } from "zod";
import type { firewallSchema } from "../../dsl/config-body.ts";
import { child, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { Definition, PortClaim } from "./contribution.ts";

type Firewall = z.output<typeof firewallSchema>;

const sortedUnique = (ports: Iterable<number>): number[] => [...new Set(ports)].sort((a, b) => a - b);

/** The firewall definitions for explicit settings plus the open claims of services. */
export const lowerFirewall = (
  firewall: Firewall | undefined,
  claims: readonly PortClaim[],
  origin: SourceOrigin,
): Definition[] => {
  const at = child(origin, "firewall");
  const claimed = (protocol: PortClaim["protocol"]) =>
    claims.filter((claim) => claim.open && !claim.interfaces && claim.protocol === protocol).map((claim) => claim.port);
  const tcp = sortedUnique([...claimed("tcp"), ...(firewall?.allowedTCPPorts ?? [])]);
  const udp = sortedUnique([...claimed("udp"), ...(firewall?.allowedUDPPorts ?? [])]);
  const ranges = (list: readonly { from: number; to: number }[]) => list.map(({ from, to }) => ({ from, to }));

  const settings: [string, Definition["value"] | undefined][] = [
    ["enable", firewall?.enable],
    ["allowedTCPPorts", tcp.length ? tcp : undefined],
    ["allowedUDPPorts", udp.length ? udp : undefined],
    ["allowedTCPPortRanges", firewall?.allowedTCPPortRanges.length ? ranges(firewall.allowedTCPPortRanges) : undefined],
    ["allowedUDPPortRanges", firewall?.allowedUDPPortRanges.length ? ranges(firewall.allowedUDPPortRanges) : undefined],
    ["trustedInterfaces", firewall?.trustedInterfaces.length ? firewall.trustedInterfaces : undefined],
    ["allowPing", firewall?.allowPing],
  ];
  return [
    ...settings.flatMap(([name, value]) =>
      value === undefined ? [] : [{ path: ["networking", "firewall", name], value, origin: child(at, name) }],
    ),
    ...perInterface(claims),
  ];
};

/** `networking.firewall.interfaces.<name>.allowed{TCP,UDP}Ports` for claims opened on named interfaces only. */
const perInterface = (claims: readonly PortClaim[]): Definition[] => {
  const scoped = claims.filter((claim) => claim.open && claim.interfaces);
  const names = [...new Set(scoped.flatMap((claim) => claim.interfaces ?? []))].sort();
  return names.flatMap((name) =>
    (["tcp", "udp"] as const).flatMap((protocol) => {
      const mine = scoped.filter((claim) => claim.protocol === protocol && claim.interfaces?.includes(name));
      const [first] = mine;
      if (!first) return [];
      const option = protocol === "tcp" ? "allowedTCPPorts" : "allowedUDPPorts";
      return [{ path: ["networking", "firewall", "interfaces", name, option], value: sortedUnique(mine.map((claim) => claim.port)), origin: child(first.origin, "openFirewall") }];
    }),
  );
};
