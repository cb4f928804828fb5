/**
 * The validated fleet: every definition file parsed by its schema, with the file it came from.
 * Produced by the loader and validator, consumed (read-only) by lowering and the emitters.
 */
import type { FleetConfig } from "../../dsl/fleet.ts";
import type { HomeConfig } from "../../dsl/home.ts";
import type { HostConfig } from "../../dsl/host.ts";
import type { ModuleConfig } from "../../dsl/module.ts";
import type { OverlayConfig } from "../../dsl/overlay.ts";

/** A definition and the source file it was loaded from. */
export interface Entry<Config> {
  /** Host, module or overlay name: the folder (hosts) or file name without `.ts`. */
  readonly name: string;
  /** Source file relative to the fleet root, with `/` separators, e.g. `hosts/nas/host.ts`. */
  readonly file: string;
  readonly config: Config;
}

export type HostEntry = Entry<HostConfig>;
export type ModuleEntry = Entry<ModuleConfig>;
export type OverlayEntry = Entry<OverlayConfig>;

/** A home file: `name` is `alice` (shared by the user's hosts) or `alice@nas` (one host only). */
export interface HomeEntry extends Entry<HomeConfig> {
  /** The user whose home it is. */
  readonly user: string;
  /** The one host it applies to; undefined for the user's shared home. */
  readonly host: string | undefined;
}

export interface Fleet {
  /** `typeflake.config.ts`, relative to the fleet root. */
  readonly configFile: string;
  readonly config: FleetConfig;
  /** Hosts sorted by name. */
  readonly hosts: readonly HostEntry[];
  /** Modules sorted by name. */
  readonly modules: readonly ModuleEntry[];
  /** Overlays sorted by name. */
  readonly overlays: readonly OverlayEntry[];
  /** home-manager configurations sorted by name; absent when the fleet has none. */
  readonly homes?: readonly HomeEntry[];
}

/** The fleet's definition files besides its configuration: hosts, modules, overlays, homes, in that order. */
export const fleetFiles = (fleet: Fleet): Entry<unknown>[] => [...fleet.hosts, ...fleet.modules, ...fleet.overlays, ...(fleet.homes ?? [])];
