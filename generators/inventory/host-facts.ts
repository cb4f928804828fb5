/**
 * What the inventory says about one host: its services, open ports, tunnel addresses, deploy
 * target and accounts. Ports are read from the same lowering that writes the host's Nix (its
 * file and its modules merged as NixOS merges them), so the page cannot disagree with the flake.
 */
import { hostSystem } from "../model/host-system.ts";
import type { Services } from "../../dsl/services/index.ts";
import { isNixExpression, type NixValue } from "../../dsl/expressions.ts";
import { bodyContributions, type LoweredHost } from "../lower/fleet.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
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
  readonly tcpPorts: readonly string[];
  readonly udpPorts: readonly string[];
  /** False when the host turns the NixOS firewall off (every port is then reachable). */
  readonly firewall: boolean;
  /** `wg0 10.100.0.2/24` for each WireGuard interface. */
  readonly tunnels: readonly string[];
  /** `deploy@10.0.20.10`, or undefined when the host is not deployed by the fleet's tool. */
  readonly deployTarget: string | undefined;
  /** Accounts, sorted. */
  readonly users: readonly { readonly name: string; readonly home: boolean }[];
}

/** How each typed service is called on the page; a new service must be named here. */
const SERVICE_LABELS: { readonly [Key in keyof Services]-?: string } = {
  samba: "Samba",
  nfs: "NFS server",
  nfsMounts: "NFS client",
  wireguard: "WireGuard",
  nginx: "nginx",
  openssh: "OpenSSH",
  nodeExporter: "node exporter",
  docker: "Docker",
};

type AttrSet = { readonly [name: string]: NixValue };

const isAttrSet = (value: NixValue | undefined): value is AttrSet =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** The plain value at `path` inside a merged option value, if every step is a plain set. */
const valueAt = (value: NixValue, path: readonly string[]): NixValue | undefined =>
  path.reduce<NixValue | undefined>((current, name) => (isAttrSet(current) ? current[name] : undefined), value);

/** Ports and ranges of a firewall list, sorted: `22`, `60000-61000`. */
const portList = (ports: NixValue | undefined, ranges: NixValue | undefined): string[] => {
  const single = Array.isArray(ports) ? ports.filter((port): port is number => typeof port === "number") : [];
  const spans = Array.isArray(ranges)
    ? ranges.flatMap((range) => (isAttrSet(range) && typeof range["from"] === "number" && typeof range["to"] === "number" ? [[range["from"], range["to"]] as const] : []))
    : [];
  return [...[...new Set(single)].map((port) => [port, port] as const), ...spans]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([from, to]) => (from === to ? String(from) : `${from}-${to}`));
};

/** Everything NixOS will see for the host from typeflake: its file and modules, merged. */
const mergedOptions = (lowered: LoweredHost): NixValue => {
  const tree = new DefinitionTree({ file: lowered.host.file, objectPath: [] });
  for (const part of bodyContributions(lowered)) tree.addAll(part.definitions);
  return tree.toValue();
};

const servicesOf = (index: FleetIndex, host: HostEntry): string[] => {
  const bodies = bodiesOfHost(index, host);
  const typed = (Object.keys(SERVICE_LABELS) as (keyof Services)[])
    .filter((key) => bodies.some((body) => body.config.services[key] !== undefined))
    .map((key) => SERVICE_LABELS[key]);
  const raw = bodies.flatMap((body) => {
    const services = valueAt(body.config.nixos, ["services"]);
    return isAttrSet(services) ? Object.keys(services).filter((name) => valueAt(services, [name, "enable"]) === true) : [];
  });
  return [...typed, ...[...new Set(raw)].sort(compareNames)];
};

const tunnelsOf = (index: FleetIndex, host: HostEntry): string[] =>
  bodiesOfHost(index, host).flatMap((body) =>
    Object.entries(body.config.services.wireguard ?? {})
      .sort(([a], [b]) => compareNames(a, b))
      .map(([name, tunnel]) => `${name} ${tunnel.ips.join(", ")}`),
  );

/** The facts of a lowered host of the fleet of `index`. */
export const hostFacts = (index: FleetIndex, lowered: LoweredHost): HostFacts => {
  const { fleet } = index;
  const { host } = lowered;
  const options = mergedOptions(lowered);
  const firewall = (name: string) => valueAt(options, ["networking", "firewall", name]);
  const deploy = deploySettings(fleet, host);
  const homes = new Set(homesOfHost(fleet, host).map((home) => home.user));
  return {
    name: host.name,
    address: host.config.address,
    system: hostSystem(fleet, host),
    services: servicesOf(index, host),
    tcpPorts: portList(firewall("allowedTCPPorts"), firewall("allowedTCPPortRanges")),
    udpPorts: portList(firewall("allowedUDPPorts"), firewall("allowedUDPPortRanges")),
    firewall: firewall("enable") !== false,
    tunnels: tunnelsOf(index, host),
    deployTarget: deploy.enable ? `${deploy.sshUser}@${deploy.targetHost}` : undefined,
    users: usersOfHost(fleet, host).map((name) => ({ name, home: homes.has(name) })),
  };
};
