/**
 * A host as the plan compares it: named sections of items, each item a value. Most sections are
 * read from the lowered NixOS options (the host's file and its modules merged as NixOS merges
 * them), so a port, user or peer counts however it came to be (a service, a module, a raw
 * `nixos` block, another host joining a tunnel); services are read from the typed model, so
 * their fields are named as the user wrote them.
 */
import type { GeneratedNix } from "../files/generated-nix.ts";
import { DefinitionTree } from "../lower/definition-tree.ts";
import { bodiesOfHost, type FleetIndex } from "../model/fleet-index.ts";
import { deployRsSettings, deploySettings } from "../model/deploy-settings.ts";
import type { HostEntry } from "../model/fleet.ts";
import { hostSystem } from "../model/host-system.ts";
import { homesOfHost } from "../model/homes.ts";
import { isAttrSet, listAt, setAt, valueAt, type AttrSet, type ShowValue } from "./values.ts";
import { portItems } from "./firewall-items.ts";
import { sudoItems, sshKeyItems } from "./account-items.ts";

/** The sections of a host's plan, in the order they are shown. */
export const SECTIONS = [
  "host",
  "deploy",
  "services",
  "firewall",
  "users",
  "groups",
  "sshKeys",
  "sudo",
  "secrets",
  "wireguardTunnels",
  "wireguardPeers",
  "nfsExports",
  "nfsMounts",
  "nginxVirtualHosts",
  "proxyTargets",
  "packages",
  "homes",
  "nixosOptions",
] as const;

/** One section of a host's plan. */
export type SectionName = (typeof SECTIONS)[number];

/** Item name → value; attribute-set values are compared field by field. */
export type Section = ReadonlyMap<string, unknown>;

/** A host's sections. */
export type HostView = { readonly [Name in SectionName]: Section };

/** The empty host: what an added host is compared with, and what a removed one becomes. */
export const EMPTY_HOST: HostView = Object.fromEntries(SECTIONS.map((name) => [name, new Map()])) as unknown as HostView;

/** Everything NixOS gets from typeflake for `host`: its generated file and its modules, merged. */
const mergedOptions = (index: FleetIndex, host: HostEntry, files: ReadonlyMap<string, GeneratedNix>): AttrSet => {
  const tree = new DefinitionTree({ file: host.file, objectPath: [] });
  for (const body of bodiesOfHost(index, host)) {
    const path = body === host ? `hosts/${host.name}/default.nix` : `modules/${body.name}.nix`;
    const options = files.get(path)?.options;
    if (options !== undefined) tree.add({ path: [], value: options, origin: { file: body.file, objectPath: [] } });
  }
  const value = tree.toValue();
  return isAttrSet(value) ? value : {};
};

const without = (value: unknown, name: string): unknown => {
  if (!isAttrSet(value)) return value;
  const { [name]: _left, ...rest } = value;
  return rest;
};

/** Every leaf of a raw `nixos` block, by dotted option path. */
const optionLeaves = (value: unknown, prefix: string[], into: Map<string, unknown>): void => {
  if (isAttrSet(value) && Object.keys(value).length > 0) {
    for (const [name, item] of Object.entries(value)) optionLeaves(item, [...prefix, name], into);
    return;
  }
  if (prefix.length === 0) return;
  const key = prefix.join(".");
  into.set(key, into.has(key) ? [into.get(key), value] : value);
};

/** Unset and empty settings are left out: they read as noise in a new host's list. */
const isSet = (value: unknown): boolean => value !== undefined && !(Array.isArray(value) && value.length === 0);

const entries = (set: AttrSet): Map<string, unknown> => new Map(Object.entries(set));

/** The view of `host` in the fleet of `index`; `files` are the fleet's generated files by path. */
export const hostView = (index: FleetIndex, host: HostEntry, files: ReadonlyMap<string, GeneratedNix>, show: ShowValue): HostView => {
  const { fleet } = index;
  const options = mergedOptions(index, host, files);
  const bodies = bodiesOfHost(index, host);
  const services = new Map<string, unknown>();
  const rawOptions = new Map<string, unknown>();
  for (const body of bodies) {
    const from = body === host ? "" : ` (module ${body.name})`;
    for (const [name, config] of Object.entries(body.config.services)) if (config !== undefined) services.set(`${name}${from}`, config);
    optionLeaves(body.config.nixos, [], rawOptions);
  }
  const tunnels = setAt(options, ["networking", "wireguard", "interfaces"]);
  const virtualHosts = setAt(options, ["services", "nginx", "virtualHosts"]);
  const exports = valueAt(options, ["services", "nfs", "server", "exports"]);
  const deploy = { ...deploySettings(fleet, host), ...deployRsSettings(fleet, host) };
  return {
    host: new Map<string, unknown>([
      ["address", host.config.address],
      ["system", hostSystem(fleet, host)],
      ["hardware", host.config.hardware],
      ["imports", host.config.imports],
      ["modules", bodies.filter((body) => body !== host).map((body) => body.name)],
    ].filter(([, value]) => isSet(value)) as [string, unknown][]),
    deploy: new Map(Object.entries(deploy).filter(([, value]) => isSet(value))),
    services,
    firewall: portItems(setAt(options, ["networking", "firewall"])),
    users: new Map(Object.entries(setAt(options, ["users", "users"])).map(([name, user]) => [name, without(user, "openssh")])),
    groups: entries(setAt(options, ["users", "groups"])),
    sshKeys: sshKeyItems(options),
    sudo: sudoItems(options),
    secrets: new Map([...Object.entries(setAt(options, ["sops", "secrets"])), ...Object.entries(setAt(options, ["age", "secrets"]))]),
    wireguardTunnels: new Map(Object.entries(tunnels).map(([name, tunnel]) => [name, without(tunnel, "peers")])),
    wireguardPeers: new Map(
      Object.entries(tunnels).flatMap(([name, tunnel]) =>
        listAt(tunnel, ["peers"]).map((peer) => [`${name} ${String(valueAt(peer, ["name"]) ?? valueAt(peer, ["publicKey"]))}`, peer] as const),
      ),
    ),
    nfsExports: new Map(
      (typeof exports === "string" ? exports.split("\n") : [])
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"))
        .map((line) => [line.split(/\s+/)[0] as string, line.split(/\s+/).slice(1).join(" ")] as const),
    ),
    nfsMounts: new Map(Object.entries(setAt(options, ["fileSystems"])).filter(([, fs]) => /^nfs/.test(String(valueAt(fs, ["fsType"]) ?? "")))),
    nginxVirtualHosts: new Map(
      Object.entries(virtualHosts).map(([name, vhost]) => [
        name,
        isAttrSet(vhost) && isAttrSet(vhost["locations"])
          ? { ...vhost, locations: Object.fromEntries(Object.entries(vhost["locations"]).map(([path, location]) => [path, without(location, "proxyPass")])) }
          : vhost,
      ]),
    ),
    proxyTargets: new Map(
      Object.entries(virtualHosts).flatMap(([name, vhost]) =>
        Object.entries(setAt(vhost, ["locations"])).flatMap(([path, location]) => {
          const target = valueAt(location, ["proxyPass"]);
          return target === undefined ? [] : [[`${name} ${path}`, target] as const];
        }),
      ),
    ),
    packages: new Map(listAt(options, ["environment", "systemPackages"]).map((item) => [show(item), item])),
    homes: new Map(
      homesOfHost(fleet, host).map(({ user, home }) => {
        const shared = home.host === undefined ? undefined : (fleet.homes ?? []).find((entry) => entry.user === user && entry.host === undefined);
        return [user, shared ? { ...shared.config, [`on ${host.name}`]: home.config } : home.config];
      }),
    ),
    nixosOptions: rawOptions,
  };
};
