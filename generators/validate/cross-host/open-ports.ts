/**
 * The ports a host's firewall lets in: those written in `firewall` (ports and ranges) and those
 * its services claim without opting out, across its host file and every module it uses.
 */
import { hostPorts, type LoweredHost } from "../../lower/fleet.ts";
import { bodiesOfHost, type FleetIndex } from "../../model/fleet-index.ts";

/** Whether `host` accepts connections to a port. */
export interface OpenPorts {
  readonly accepts: (protocol: "tcp" | "udp", port: number) => boolean;
}

/** The open ports of a lowered host; a host whose firewall is off accepts everything. */
export const openPorts = (index: FleetIndex, lowered: LoweredHost): OpenPorts => {
  const bodies = bodiesOfHost(index, lowered.host);
  if (bodies.some((body) => body.config.firewall?.enable === false)) return { accepts: () => true };
  const open = new Set<string>();
  const ranges: { protocol: "tcp" | "udp"; from: number; to: number }[] = [];
  for (const body of bodies) {
    const firewall = body.config.firewall;
    for (const port of firewall?.allowedTCPPorts ?? []) open.add(`tcp/${port}`);
    for (const port of firewall?.allowedUDPPorts ?? []) open.add(`udp/${port}`);
    for (const range of firewall?.allowedTCPPortRanges ?? []) ranges.push({ protocol: "tcp", ...range });
    for (const range of firewall?.allowedUDPPortRanges ?? []) ranges.push({ protocol: "udp", ...range });
  }
  for (const claim of hostPorts(lowered)) if (claim.open) open.add(`${claim.protocol}/${claim.port}`);
  return {
    accepts: (protocol, port) =>
      open.has(`${protocol}/${port}`) || ranges.some((range) => range.protocol === protocol && range.from <= port && port <= range.to),
  };
};
