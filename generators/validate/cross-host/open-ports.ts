/**
 * The ports a host's firewall lets in: those written in `firewall` (ports and ranges) and those
 * its services claim without opting out, across its host file and every module it uses.
 */
import { lowerEntry } from "../../lower/entry.ts";
import { bodiesOfHost } from "../../lower/services/fleet-view.ts";
import type { Fleet, HostEntry } from "../../model/fleet.ts";

/** Whether `host` accepts connections to a port. */
export interface OpenPorts {
  readonly accepts: (protocol: "tcp" | "udp", port: number) => boolean;
}

/** The open ports of `host`; a host whose firewall is off accepts everything. */
export const openPorts = (fleet: Fleet, host: HostEntry): OpenPorts => {
  const bodies = bodiesOfHost(fleet, host);
  if (bodies.some((body) => body.config.firewall?.enable === false)) return { accepts: () => true };
  const open = new Set<string>();
  const ranges: { protocol: "tcp" | "udp"; from: number; to: number }[] = [];
  for (const body of bodies) {
    const firewall = body.config.firewall;
    for (const port of firewall?.allowedTCPPorts ?? []) open.add(`tcp/${port}`);
    for (const port of firewall?.allowedUDPPorts ?? []) open.add(`udp/${port}`);
    for (const range of firewall?.allowedTCPPortRanges ?? []) ranges.push({ protocol: "tcp", ...range });
    for (const range of firewall?.allowedUDPPortRanges ?? []) ranges.push({ protocol: "udp", ...range });
    for (const claim of lowerEntry(fleet, body, body === host ? host.name : undefined).ports)
      if (claim.open) open.add(`${claim.protocol}/${claim.port}`);
  }
  return {
    accepts: (protocol, port) =>
      open.has(`${protocol}/${port}`) || ranges.some((range) => range.protocol === protocol && range.from <= port && port <= range.to),
  };
};
