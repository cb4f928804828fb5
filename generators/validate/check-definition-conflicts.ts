/**
 * Each host's files judged together, as NixOS merges them: its host file (identity, host.ts,
 * secrets, homes) and each module it lists. Two modules that conflict are reported once, not
 * once per host that lists both.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoweredFleet } from "../lower/fleet.ts";
import { conflictsBetween, gatherDefinitions } from "../options/definition-conflicts.ts";
import type { OptionIndex } from "../options/runtime-index.ts";

/** Conflicting definitions between the files of each host of `lowered`. */
export const checkDefinitionConflicts = (lowered: LoweredFleet, index: OptionIndex): Diagnostic[] => {
  const seen = new Set<string>();
  // Each module's definitions gathered once, for every host that lists it.
  const modules = new Map([...lowered.modules.values()].map((module) => [module, gatherDefinitions(index, module)]));
  return [...lowered.hosts.values()].flatMap((host) => {
    const hostFile = { definitions: [host.identity, host.own, host.secrets, host.homes].flatMap((part) => part.definitions) };
    const files = [gatherDefinitions(index, hostFile), ...host.modules.map((module) => modules.get(module) ?? gatherDefinitions(index, module))];
    return conflictsBetween(files).filter((diagnostic) => {
      const key = JSON.stringify([diagnostic.origin, diagnostic.related, diagnostic.data]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
};
