/**
 * What the inventory says about one host: its services, open ports, tunnel addresses, deploy
 * target and accounts. Ports are read from the host's merged options, the same the assertions
 * read (its file, modules and services merged as NixOS merges them: priorities weighed, `mkIf`
 * and `mkMerge` taken apart, list items unwrapped), so the page cannot disagree with the flake.
 */
import type { SourceOrigin } from "../diagnostics/diagnostic.ts";
import { hostSystem } from "../model/host-system.ts";
import { isNixAttrSet, type NixValue } from "../../dsl/expressions.ts";
import { eachConfigured, SERVICE_DEFINITIONS } from "../../services/registry.ts";
import type { LoweredHost } from "../lower/fleet.ts";
import { booleanOf, type HostOptions, UNKNOWN } from "../validate/assertions/host-options.ts";
import { compareNames } from "../model/compare-names.ts";
import { deploySettings } from "../model/deploy-settings.ts";
import { bodiesOfHost, type FleetIndex } from "../model/fleet-index.ts";
import type { HostEntry } from "../model/fleet.ts";
import { homesOfHost, usersOfHost } from "../model/homes.ts";

/** The inventory's facts about a host, each already in display order. */
export interface HostFacts {
  readonly name: string;
  readonly address: string;
  readonly system: string;
  /** Typed services by label, then services enabled through raw `nixos` blocks by option name. */
  readonly services: readonly string[];
  /** Open TCP ports and ranges (`22`, `60000-61000`), sorted; {@link PORTS_DECIDED_IN_NIX} alone when only Nix can tell. */
  readonly tcpPorts: readonly string[];
  /** Open UDP ports and ranges, as {@link tcpPorts}. */
  readonly udpPorts: readonly string[];
  /** False when the host turns the NixOS firewall off (every port is then reachable). */
  readonly firewall: boolean;
  /** The columns services fill (see a service's `inventoryColumn`): `Tunnel addresses` → `wg0 10.100.0.2/24`, … */
  readonly columns: ReadonlyMap<string, readonly string[]>;
  /** `deploy@10.0.20.10`, or undefined when the host is not deployed by the fleet's tool. */
  readonly deployTarget: string | undefined;
  /** Accounts, sorted. */
  readonly users: readonly { readonly name: string; readonly home: boolean }[];
}

/** What a port list says when raw Nix or a condition only Nix evaluates decides it. */
export const PORTS_DECIDED_IN_NIX = "decided in Nix";

/** The firewall option `name` of a host, as NixOS merges it (priorities weighed, wrappers taken off). */
const firewallOption = (options: HostOptions, name: string): NixValue | typeof UNKNOWN | undefined => options.get("networking", "firewall", name)?.value;

/** Ports and ranges of a firewall list, sorted: `22`, `60000-61000`; {@link PORTS_DECIDED_IN_NIX} when Nix decides either. */
const portList = (ports: NixValue | typeof UNKNOWN | undefined, ranges: NixValue | typeof UNKNOWN | undefined): string[] => {
  if (ports === UNKNOWN || ranges === UNKNOWN) return [PORTS_DECIDED_IN_NIX];
  const single = Array.isArray(ports) ? ports.filter((port): port is number => typeof port === "number") : [];
  const spans = Array.isArray(ranges)
    ? ranges.flatMap((range) => (isNixAttrSet(range) && typeof range["from"] === "number" && typeof range["to"] === "number" ? [[range["from"], range["to"]] as const] : []))
    : [];
  return [...[...new Set(single)].map((port) => [port, port] as const), ...spans]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([from, to]) => (from === to ? String(from) : `${from}-${to}`));
};

/** Whether a definition was written in a raw `nixos` block (its key, or a wrapper inside one). */
const inRawBlock = (origin: SourceOrigin): boolean => origin.objectPath[0] === "nixos";

/**
 * Typed services by label, then the services a raw `nixos` block switches on, by option name:
 * `services.<name>.enable` as NixOS merges it is `true`, and a raw block's definition is among
 * those that decide it (a module's `mkForce(false)` beside the host's `true` leaves it out).
 */
const servicesOf = (index: FleetIndex, host: HostEntry, options: HostOptions): string[] => {
  const bodies = bodiesOfHost(index, host);
  const typed = SERVICE_DEFINITIONS.filter((service) => bodies.some((body) => body.config.services[service.key] !== undefined)).map((service) => service.label);
  const raw = options.namesUnder("services").filter((name) => {
    const enable = options.get("services", name, "enable");
    return booleanOf(enable) === true && enable?.origins.some(inRawBlock);
  });
  return [...typed, ...raw.sort(compareNames)];
};

/** The columns the services fill, by heading in the registry's order: each file's entries, the host file's first. */
const columnsOf = (index: FleetIndex, host: HostEntry): Map<string, string[]> => {
  const columns = new Map<string, string[]>();
  for (const service of SERVICE_DEFINITIONS) if (service.inventoryColumn) columns.set(service.inventoryColumn.header, []);
  for (const body of bodiesOfHost(index, host)) {
    const filled = eachConfigured(body.config.services, (service, config) =>
      service.inventoryColumn ? { header: service.inventoryColumn.header, cells: service.inventoryColumn.cells(config) } : undefined,
    );
    for (const column of filled) if (column) columns.get(column.header)?.push(...column.cells);
  }
  return columns;
};

/** The facts of a lowered host of the fleet of `index`, whose merged options are `options`. */
export const hostFacts = (index: FleetIndex, lowered: LoweredHost, options: HostOptions): HostFacts => {
  const { fleet } = index;
  const { host } = lowered;
  const firewall = (name: string) => firewallOption(options, name);
  const deploy = deploySettings(fleet, host);
  const homes = new Set(homesOfHost(fleet, host).map((home) => home.user));
  return {
    name: host.name,
    address: host.config.address,
    system: hostSystem(fleet, host),
    services: servicesOf(index, host, options),
    tcpPorts: portList(firewall("allowedTCPPorts"), firewall("allowedTCPPortRanges")),
    udpPorts: portList(firewall("allowedUDPPorts"), firewall("allowedUDPPortRanges")),
    firewall: booleanOf(options.get("networking", "firewall", "enable")) !== false,
    columns: columnsOf(index, host),
    deployTarget: deploy.enable ? `${deploy.sshUser}@${deploy.targetHost}` : undefined,
    users: usersOfHost(fleet, host).map((name) => ({ name, home: homes.has(name) })),
  };
};
