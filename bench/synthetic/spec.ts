/**
 * What a synthetic fleet looks like: how many hosts, how its TypeScript is laid out, and how its
 * WireGuard tunnels are wired.
 */

/**
 * How the hosts are written. typeflake discovers hosts only as `hosts/<name>/host.ts` folders, so
 * `one-file` is emulated: `fleet-hosts.ts` at the fleet root defines every host in a loop, and each
 * host folder holds a one-line host.ts that picks its host from it.
 */
export type Layout = "folders" | "one-file";

/**
 * `hub`: every host joins the first host's `wg0` (hub and spoke: n-1 peers on the hub, 1 on each
 * spoke). `mesh`: every host peers with every other (n·(n-1) peer entries).
 */
export type Topology = "hub" | "mesh";

/** One synthetic fleet. */
export interface FleetSpec {
  readonly hosts: number;
  readonly layout: Layout;
  readonly topology: Topology;
}

/** A short, unique label, used as the fleet's folder name: `hub-1000-folders`. */
export const specLabel = (spec: FleetSpec): string => `${spec.topology}-${spec.hosts}-${spec.layout}`;
