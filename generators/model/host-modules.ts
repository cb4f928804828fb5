/**
 * Which shared modules a host uses, and which secrets it therefore needs.
 */
import type { Fleet, HostEntry, ModuleEntry } from "./fleet.ts";
import { secretNamesIn } from "./walk.ts";

/** The fleet-wide modules, then the host's own, each once, in that order. */
export const modulesOfHost = (fleet: Pick<Fleet, "config" | "modules">, host: HostEntry): ModuleEntry[] => {
  const names = [...new Set([...fleet.config.modules, ...host.config.modules])];
  return names.flatMap((name) => fleet.modules.filter((module) => module.name === name));
};

/** Secrets a host needs: referred to, or listed, in its own file or any module it uses; sorted. */
export const secretsOfHost = (fleet: Fleet, host: HostEntry): string[] => {
  const names = new Set<string>();
  for (const entry of [host, ...modulesOfHost(fleet, host)]) {
    for (const name of secretNamesIn(entry.config)) names.add(name);
    for (const name of entry.config.secrets) names.add(name);
  }
  return [...names].sort();
};
