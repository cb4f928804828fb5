/**
 * The definitions of the fleet's raw `nixos` blocks that lose on a host (see
 * `options/losing-definitions.ts`), with the hosts where they lose and those where they apply:
 * NixOS evaluates each host on its own, so a module's `mkDefault` that every host listing it
 * overrides is never type-checked, while one that applies on some host is, there.
 */
import type { DefinitionHosts } from "../diagnostics/codes/options.ts";
import { losingDefinitions } from "../options/losing-definitions.ts";
import type { GatheredHost } from "./check-definition-conflicts.ts";

/**
 * Origin key (`originKey`) → the hosts where that definition loses and those where it applies
 * (both empty for a module no host lists); only definitions that lose somewhere.
 */
export type FleetLosers = ReadonlyMap<string, DefinitionHosts>;

/** The losing definitions of every host, and of each module no host lists, judged alone. */
export const fleetLosers = (hosts: readonly GatheredHost[], unlisted: GatheredHost["files"]): FleetLosers => {
  const losesOn = new Map<string, { readonly file: string; readonly hosts: string[] }>();
  for (const host of hosts) {
    for (const [key, origin] of losingDefinitions(host.files.map((file) => file.gathered))) {
      const entry = losesOn.get(key) ?? { file: origin.file, hosts: [] };
      entry.hosts.push(host.name);
      losesOn.set(key, entry);
    }
  }
  for (const module of unlisted) for (const [key, origin] of losingDefinitions([module.gathered])) losesOn.set(key, { file: origin.file, hosts: [] });
  if (losesOn.size === 0) return new Map();
  // The hosts each source file configures, to name where a losing definition still applies.
  const hostsOf = new Map<string, Set<string>>();
  for (const host of hosts) {
    for (const { file } of host.files) {
      for (const { origin } of file.definitions) hostsOf.set(origin.file, (hostsOf.get(origin.file) ?? new Set()).add(host.name));
    }
  }
  return new Map(
    [...losesOn].map(([key, { file, hosts: loses }]) => {
      const appliesOn = [...(hostsOf.get(file) ?? [])].filter((name) => !loses.includes(name)).sort();
      return [key, { losesOn: [...loses].sort(), appliesOn }];
    }),
  );
};
