/**
 * Which generated Nix a host's system is built from: its own file, the modules and homes it
 * imports, the overlays, and its own entry in `flake.nix` (the flake written as if the host were
 * alone, so adding a host or editing another's entry changes no one else's). Each part is
 * fingerprinted from its Nix AST, which prints to exactly one text, so no printing is needed.
 */
import { flakeFile } from "../files/flake-file.ts";
import type { GeneratedNix } from "../files/generated-nix.ts";
import { homeNixPath, homesOfHost } from "../model/homes.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { modulesOfHost } from "../model/host-modules.ts";
import { canonical } from "./values.ts";

/** Part name (a generated file's path, or `flake.nix (<host>)`) → fingerprint. */
export type HostNix = ReadonlyMap<string, string>;

/** The generated Nix of every host, by host name, from the fleet's generated files. */
export const generatedNixOfHosts = (fleet: Fleet, files: readonly GeneratedNix[]): Map<string, HostNix> => {
  const fingerprints = new Map<string, string>();
  const byPath = new Map(files.map((file) => [file.path, file]));
  const fingerprint = (path: string): string | undefined => {
    const known = fingerprints.get(path);
    if (known !== undefined) return known;
    const file = byPath.get(path);
    if (!file) return undefined;
    const text = canonical({ comments: file.comments, expr: file.expr });
    fingerprints.set(path, text);
    return text;
  };
  return new Map(fleet.hosts.map((host) => [host.name, hostNix(fleet, host, fingerprint)]));
};

const hostNix = (fleet: Fleet, host: HostEntry, fingerprint: (path: string) => string | undefined): HostNix => {
  const homes = homesOfHost(fleet, host).flatMap(({ home }) =>
    home.host === undefined ? [homeNixPath(home)] : [homeNixPath({ user: home.user, host: undefined }), homeNixPath(home)],
  );
  const paths = [
    `hosts/${host.name}/default.nix`,
    ...modulesOfHost(fleet, host).map((module) => `modules/${module.name}.nix`),
    ...homes,
    ...(fleet.overlays.length ? ["overlays/default.nix"] : []),
  ];
  const parts: [string, string][] = paths.flatMap((path) => {
    const text = fingerprint(path);
    return text === undefined ? [] : [[path, text] as [string, string]];
  });
  const alone = flakeFile({ ...fleet, hosts: [host] });
  return new Map([...parts, [`flake.nix (${host.name})`, canonical(alone.expr)]]);
};

/** The parts of a host's generated Nix that differ between two revisions, in the host's order. */
export const changedNix = (before: HostNix | undefined, after: HostNix): string[] =>
  [...new Set([...after.keys(), ...(before?.keys() ?? [])])].filter((part) => before?.get(part) !== after.get(part));

