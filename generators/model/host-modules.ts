/**
 * Which shared modules a host uses.
 */
import type { Fleet, HostEntry, ModuleEntry } from "./fleet.ts";

/** The fleet-wide modules, then the host's own, each once, in that order. */
export const modulesOfHost = (fleet: Pick<Fleet, "config" | "modules">, host: HostEntry): ModuleEntry[] => {
  const names = [...new Set([...fleet.config.modules, ...host.config.modules])];
  return names.flatMap((name) => fleet.modules.filter((module) => module.name === name));
};
