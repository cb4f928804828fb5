/**
 * Which hosts use which secret: the input of the `.sops.yaml` (and agenix rules) generators and of
 * the check that every such host can decrypt what it uses.
 */
import { secretsOfHost, type FleetIndex } from "../../model/fleet-index.ts";

/** Secret name → names of the hosts using it (through their own file or a module), sorted. */
export const secretUsage = (index: FleetIndex): Map<string, string[]> => {
  const usage = new Map<string, string[]>();
  for (const host of index.fleet.hosts)
    for (const name of secretsOfHost(index, host)) {
      const hosts = usage.get(name) ?? [];
      // Appended in place: a secret every host uses would otherwise be copied once per host.
      hosts.push(host.name);
      usage.set(name, hosts);
    }
  return new Map([...usage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, hosts]) => [name, hosts.sort()]));
};
