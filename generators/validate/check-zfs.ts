/**
 * ZFS refuses to import pools without `networking.hostId`: a host that imports pools (itself or
 * through a module) must set `zfs.hostId` (itself, through a module, or in its raw `nixos` block);
 * only a warning when it imports hand-written Nix, which may set it.
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import { error, warning, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import type { HostEntry, ModuleEntry } from "../model/fleet.ts";
import { handWrittenNix } from "../model/hand-written-nix.ts";
import { rawNixosAt } from "../model/raw-nixos.ts";
import { mayExist, type FleetCheck, type FleetDraft } from "./draft.ts";

const setsHostId = (body: ConfigBody): boolean => body.zfs?.hostId !== undefined || rawNixosAt(body.nixos, "networking", "hostId") !== undefined;

const poolsOf = (body: ConfigBody): readonly string[] => body.zfs?.pools ?? [];

/** The modules that passed validation, by name: looked up for every host, indexed once. */
const modulesByName = (draft: FleetDraft): ReadonlyMap<string, readonly ModuleEntry[]> => {
  const byName = new Map<string, ModuleEntry[]>();
  for (const module of draft.modules) {
    const named = byName.get(module.name) ?? [];
    named.push(module);
    byName.set(module.name, named);
  }
  return byName;
};

/** The modules a host uses that passed validation: the fleet's first, then its own. */
const modulesOf = (draft: FleetDraft, valid: ReadonlyMap<string, readonly ModuleEntry[]>, host: HostEntry): readonly ModuleEntry[] => {
  const names = [...new Set([...(draft.config?.modules ?? []), ...host.config.modules])];
  return names.flatMap((name) => valid.get(name) ?? []);
};

/** Where to point: the host's own pools, else the host's use of a module with pools, else the host. */
const pointAt = (host: HostEntry, withPools: readonly ModuleEntry[]): ObjectPathSegment[] => {
  if (poolsOf(host.config).length > 0) return ["zfs", "pools"];
  const index = host.config.modules.findIndex((name) => withPools.some((module) => module.name === name));
  return index >= 0 ? ["modules", index] : [];
};

/** Hosts that import ZFS pools but set no host id. */
export const checkZfs: FleetCheck = (draft) => {
  const valid = modulesByName(draft);
  return draft.hosts.flatMap((host) => {
    const modules = modulesOf(draft, valid, host);
    // A module that failed its schema may set the host id: its own errors come first.
    const failedModule = [...(draft.config?.modules ?? []), ...host.config.modules].some((name) => mayExist(draft.moduleNames, name) && !valid.has(name));
    if (failedModule || [host.config, ...modules.map((module) => module.config)].some(setsHostId)) return [];
    const modulesWithPools = modules.filter((module) => poolsOf(module.config).length > 0);
    const pools = [
      ...(poolsOf(host.config).length > 0 ? [{ pools: poolsOf(host.config) }] : []),
      ...modulesWithPools.map((module) => ({ pools: poolsOf(module.config), module: module.name })),
    ];
    if (pools.length === 0) return [];
    const origin = { file: host.file, objectPath: pointAt(host, modulesWithPools) };
    // Hand-written Nix the host imports may set the host id, unseen: the build decides then.
    const unlessSetIn = handWrittenNix(host, [host, ...modules]);
    return [unlessSetIn.length === 0 ? error("zfs-needs-host-id", origin, { host: host.name, pools }) : warning("zfs-needs-host-id", origin, { host: host.name, pools, unlessSetIn })];
  });
};
