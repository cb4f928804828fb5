/**
 * Everything typeflake knows of one service, in one place: its key in `services` and the label
 * people read, its schema, its lowering to NixOS, its checks across hosts, what the inventory
 * table shows of it and the lines it draws in the topology diagram. Each service folder exports
 * one; `registry.ts` collects them.
 */
import type { z } from "zod";
import type { Services } from "../dsl/services/index.ts";
import type { Diagnostic } from "../generators/diagnostics/diagnostic.ts";
import type { EdgeKind, TopologyDrawing } from "../generators/inventory/topology-graph.ts";
import type { Lowering } from "../generators/lower/contribution.ts";
import type { FleetIndex } from "../generators/model/fleet-index.ts";

/** A service's key in a host's or module's `services`, e.g. `"samba"`. */
export type ServiceKey = keyof Services;

/** The validated configuration of the service `Key`. */
export type ServiceConfig<Key extends ServiceKey> = NonNullable<Services[Key]>;

/** A column of the inventory table that a service fills. */
export interface InventoryColumn<Config> {
  /** The column's heading, e.g. `"Tunnel addresses"`. */
  readonly header: string;
  /** The column's entries for one file's configuration of the service (joined with `; ` across a host's files). */
  readonly cells: (config: Config) => readonly string[];
}

/** The lines a service draws in the topology diagram. */
export interface TopologyLines {
  /** Which kind of line: the diagram draws kinds in a fixed order (`EDGE_KINDS`). */
  readonly kind: EdgeKind;
  /** Draw every line of this service in the fleet of `index`. */
  readonly draw: (index: FleetIndex, drawing: TopologyDrawing) => void;
}

/** One service: what it is, how it lowers, what it checks and shows. */
export interface ServiceDefinition<Key extends ServiceKey> {
  /** Its key in `services`, e.g. `"samba"`. */
  readonly key: Key;
  /** How the inventory names it, e.g. `"NFS server"`. */
  readonly label: string;
  /** The schema of its configuration: `servicesSchema`'s field of the same key, without `.optional()`. */
  readonly schema: z.ZodType<ServiceConfig<Key>>;
  /** Its configuration → NixOS definitions and port claims. */
  readonly lower: Lowering<ServiceConfig<Key>>;
  /**
   * The fleet hosts its configuration names besides `host("…")` references (a WireGuard hub it
   * joins): when one of them failed validation, the checks leave this file out.
   */
  readonly hostsNamed?: (config: ServiceConfig<Key>) => readonly string[];
  /** Its checks across the hosts of the fleet, run with the other cross-host checks. */
  readonly checks?: readonly ((index: FleetIndex) => readonly Diagnostic[])[];
  /** The inventory column it fills beyond its label in the Services column. */
  readonly inventoryColumn?: InventoryColumn<ServiceConfig<Key>>;
  /** Its lines in the topology diagram. */
  readonly topology?: TopologyLines;
}

/** The definition of any one service. */
export type AnyServiceDefinition = { readonly [Key in ServiceKey]: ServiceDefinition<Key> }[ServiceKey];
