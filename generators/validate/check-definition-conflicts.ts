/**
 * Each host's files judged together, as NixOS merges them: its host file (identity, host.ts,
 * secrets, homes) and each module it lists. Two modules that conflict are reported once, not
 * once per host that lists both. The hosts gathered here serve the search for losing
 * definitions too (`losing-definitions.ts`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoweredFleet } from "../lower/fleet.ts";
import { conflictsBetween } from "../options/definition-conflicts.ts";
import { type DefinitionFile, gatherDefinitions, type GatheredDefinitions } from "../options/option-definitions.ts";
import type { OptionIndex } from "../options/runtime-index.ts";

/** One host's files, each with its definitions placed at the options they define. */
export interface GatheredHost {
  /** The host's name (its folder under `hosts/`). */
  readonly name: string;
  /** The host file first, then its modules in the order it lists them. */
  readonly files: readonly { readonly file: DefinitionFile; readonly gathered: GatheredDefinitions }[];
}

/** Every host's files gathered, each module once for every host that lists it; and the modules no host lists. */
export const gatherHosts = (lowered: LoweredFleet, index: OptionIndex): { hosts: GatheredHost[]; unlisted: GatheredHost["files"] } => {
  const modules = new Map([...lowered.modules.values()].map((module) => [module, { file: module, gathered: gatherDefinitions(index, module) }]));
  const listed = new Set<DefinitionFile>();
  const hosts = [...lowered.hosts.values()].map((host) => {
    const hostFile = { definitions: [host.identity, host.own, host.secrets, host.homes].flatMap((part) => part.definitions) };
    for (const module of host.modules) listed.add(module);
    const own = { file: hostFile, gathered: gatherDefinitions(index, hostFile) };
    return { name: host.host.name, files: [own, ...host.modules.map((module) => modules.get(module) ?? { file: module, gathered: gatherDefinitions(index, module) })] };
  });
  return { hosts, unlisted: [...modules.values()].filter((module) => !listed.has(module.file)) };
};

/** Conflicting definitions between the files of each gathered host. */
export const checkDefinitionConflicts = (hosts: readonly GatheredHost[]): Diagnostic[] => {
  const seen = new Set<string>();
  return hosts.flatMap((host) =>
    conflictsBetween(host.files.map((file) => file.gathered)).filter((diagnostic) => {
      const key = JSON.stringify([diagnostic.origin, diagnostic.related, diagnostic.data]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
};
