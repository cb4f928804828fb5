/**
 * The Nix a host's system is built from: its own generated file, the modules and homes it
 * imports, the overlays, its own entry in `flake.nix` (the flake written as if the host were
 * alone, so adding a host or editing another's entry changes no one else's), `flake.lock`, and
 * the hand-kept files and encrypted secret files it takes in. Generated parts are fingerprinted
 * from their Nix AST, which prints to exactly one text, so nothing needs printing; a hash is kept,
 * not the AST's JSON, which for two 1,000-host revisions would keep the garbage collector busy.
 */
import { flakeFile } from "../files/flake-file.ts";
import type { GeneratedNix } from "../files/generated-nix.ts";
import { homeNixPath, homesOfHost } from "../model/homes.ts";
import { indexFleet, modulesUsedBy, type FleetIndex } from "../model/fleet-index.ts";
import type { HostEntry } from "../model/fleet.ts";
import { nixFingerprint } from "../nix/fingerprint.ts";
import { FLEET_WIDE, secretFilesOf, type HandKeptFiles } from "./hand-kept.ts";

/** Part name (a generated file's path, or `flake.nix (<host>)`) → fingerprint. */
export type HostNix = ReadonlyMap<string, string>;

/**
 * The Nix every host is built from, by host name: the fleet's generated files and the hand-kept
 * files its host file, modules and homes import.
 */
export const nixOfHosts = (index: FleetIndex, files: readonly GeneratedNix[], handKept: HandKeptFiles): Map<string, HostNix> => {
  const fingerprints = new Map<string, string>();
  const byPath = new Map(files.map((file) => [file.path, file]));
  const fingerprint = (path: string): string | undefined => {
    const known = fingerprints.get(path);
    if (known !== undefined) return known;
    const file = byPath.get(path);
    if (!file) return undefined;
    const text = nixFingerprint({ comments: file.comments, expr: file.expr });
    fingerprints.set(path, text);
    return text;
  };
  return new Map(index.fleet.hosts.map((host) => [host.name, hostNix(index, host, fingerprint, handKept)]));
};

const hostNix = (index: FleetIndex, host: HostEntry, fingerprint: (path: string) => string | undefined, handKept: HandKeptFiles): HostNix => {
  const { fleet } = index;
  const modules = modulesUsedBy(index, host);
  const homeEntries = homesOfHost(fleet, host).flatMap(({ home }) =>
    home.host === undefined ? [home] : [...(fleet.homes ?? []).filter((entry) => entry.user === home.user && entry.host === undefined), home],
  );
  const homes = homeEntries.map(homeNixPath);
  const sources = [FLEET_WIDE, secretFilesOf(host.name), host.file, ...modules.map((module) => module.file), ...fleet.overlays.map((overlay) => overlay.file), ...homeEntries.map((home) => home.file)];
  const ownFiles = sources.flatMap((source) => [...(handKept.get(source) ?? [])]);
  const paths = [
    `hosts/${host.name}/default.nix`,
    ...modules.map((module) => `modules/${module.name}.nix`),
    ...homes,
    ...(fleet.overlays.length ? ["overlays/default.nix"] : []),
  ];
  const parts: [string, string][] = paths.flatMap((path) => {
    const text = fingerprint(path);
    return text === undefined ? [] : [[path, text] as [string, string]];
  });
  const alone = flakeFile(indexFleet({ ...fleet, hosts: [host] }));
  return new Map([...parts, ...ownFiles, [`flake.nix (${host.name})`, nixFingerprint(alone.expr)]]);
};

/** The parts of a host's generated Nix that differ between two revisions, in the host's order. */
export const changedNix = (before: HostNix | undefined, after: HostNix): string[] =>
  [...new Set([...after.keys(), ...(before?.keys() ?? [])])].filter((part) => before?.get(part) !== after.get(part));

