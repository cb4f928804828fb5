/**
 * Which hosts use which secret: the input of the `.sops.yaml` (and agenix rules) generators and of
 * the check that every such host can decrypt what it uses.
 */
import type { Fleet } from "../../model/fleet.ts";
import { secretsOfHost } from "../../model/host-modules.ts";

/** Secret name → names of the hosts using it (through their own file or a module), sorted. */
export const secretUsage = (fleet: Fleet): Map<string, string[]> => {
  const usage = new Map<string, string[]>();
  for (const host of fleet.hosts)
    for (const name of secretsOfHost(fleet, host)) usage.set(name, [...(usage.get(name) ?? []), host.name]);
  return new Map([...usage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, hosts]) => [name, hosts.sort()]));
};
