/**
 * Compare two revisions of a fleet — each validated and lowered, with its generated Nix — host
 * by host. Pure: the command materialises and loads the revisions.
 */
import type { GeneratedNix } from "../files/generated-nix.ts";
import { secretUsage } from "../lower/secrets/usage.ts";
import { compareNames } from "../model/compare-names.ts";
import { bodiesOfHost, findHost, type FleetIndex } from "../model/fleet-index.ts";
import type { Fleet } from "../model/fleet.ts";
import type { FleetPlan, HostPlan, ItemChange } from "./changes.ts";
import { sectionChanges } from "./diff-values.ts";
import { changedNix, nixOfHosts, type HostNix } from "./generated-nix.ts";
import type { HandKeptFiles } from "./hand-kept.ts";
import { EMPTY_HOST, hostView, SECTIONS, type HostView } from "./host-view.ts";
import { planRisks, type RecipientGain } from "./risks.ts";
import { canonical, valueShower, type ShowValue } from "./values.ts";

/** One revision of the fleet: validated and indexed, its Nix files before printing, the hand-kept Nix it imports. */
export interface FleetRevision {
  readonly index: FleetIndex;
  readonly files: readonly GeneratedNix[];
  readonly handKept: HandKeptFiles;
}

/** What the plan knows of one revision, computed once. */
interface Side {
  readonly index: FleetIndex;
  readonly files: ReadonlyMap<string, GeneratedNix>;
  readonly nix: ReadonlyMap<string, HostNix>;
  readonly show: ShowValue;
}

const side = (revision: FleetRevision): Side => ({
  index: revision.index,
  files: new Map(revision.files.map((file) => [file.path, file])),
  nix: nixOfHosts(revision.index, revision.files, revision.handKept),
  show: valueShower(revision.index),
});

/** Who can decrypt each secret: the hosts using it, and the fleet's admins. */
const recipients = (index: FleetIndex): Map<string, readonly string[]> => {
  const admins = (index.fleet.config.secrets?.admins ?? []).map((key) => `admin ${key}`);
  return new Map([...secretUsage(index)].map(([name, hosts]) => [name, [...hosts, ...admins]]));
};

/** One item per secret and recipient, `database/password → nas`, so a gained or lost recipient is one line. */
const recipientItems = (index: FleetIndex): Map<string, unknown> =>
  new Map([...recipients(index)].flatMap(([secret, names]) => names.map((name) => [`${secret} → ${name}`, true] as const)));

/** Secrets that someone can decrypt now who could not at the base. */
const recipientGains = (before: FleetIndex, after: FleetIndex): RecipientGain[] => {
  const old = recipients(before);
  return [...recipients(after)].flatMap(([secret, now]) => {
    const had = new Set(old.get(secret) ?? []);
    const gained = now.filter((recipient) => !had.has(recipient));
    return gained.length ? [{ secret, gained }] : [];
  });
};

const fleetChanges = (before: Side, after: Side): ItemChange[] => {
  const show = { before: before.show, after: after.show };
  const config = (fleet: Fleet) => new Map(Object.entries(fleet.config).filter(([, value]) => value !== undefined));
  const overlays = (fleet: Fleet) => new Map(fleet.overlays.map((overlay) => [overlay.name, overlay.config]));
  return [
    ...sectionChanges("fleet", config(before.index.fleet), config(after.index.fleet), show),
    ...sectionChanges("overlays", overlays(before.index.fleet), overlays(after.index.fleet), show),
    ...sectionChanges("secretRecipients", recipientItems(before.index), recipientItems(after.index), show),
  ];
};

/** `canonical` of configuration objects, each once: a module is shared by many hosts. */
type CanonicalConfig = (config: object) => string;

const canonicalConfigs = (): CanonicalConfig => {
  const known = new Map<object, string>();
  return (config) => {
    const text = known.get(config) ?? canonical(config);
    known.set(config, text);
    return text;
  };
};

/** The host's typed sources, to tell a host that did not change without lowering it again. */
const sourcesOf = (index: FleetIndex, name: string, canonicalConfig: CanonicalConfig): string | undefined => {
  const host = findHost(index, name);
  return host && bodiesOfHost(index, host).map((body) => canonicalConfig(body.config)).join("\n");
};

const viewOf = (at: Side, name: string): HostView => {
  const host = findHost(at.index, name);
  return host ? hostView(at.index, host, at.files, at.show) : EMPTY_HOST;
};

/** Every item of every section that differs between the two revisions of host `name`. */
const itemChanges = (before: Side, after: Side, name: string): ItemChange[] => {
  const [old, now] = [viewOf(before, name), viewOf(after, name)];
  return SECTIONS.flatMap((section) => sectionChanges(section, old[section], now[section], { before: before.show, after: after.show }));
};

const hostPlan = (before: Side, after: Side, name: string, sameFleet: boolean, canonicalConfig: CanonicalConfig): HostPlan => {
  const inBefore = before.nix.has(name);
  const inAfter = after.nix.has(name);
  const nixChanges = inAfter ? changedNix(before.nix.get(name), after.nix.get(name) as HostNix) : [];
  const untouched = sameFleet && inBefore && inAfter && nixChanges.length === 0 && sourcesOf(before.index, name, canonicalConfig) === sourcesOf(after.index, name, canonicalConfig);
  // A removed host's heading says it all; listing what it had would only repeat the base.
  const changes = untouched || !inAfter ? [] : itemChanges(before, after, name);
  const status = !inBefore ? "add" : !inAfter ? "remove" : changes.length || nixChanges.length ? "change" : "unchanged";
  return { name, status, changes, changedNix: nixChanges, needsDeploy: inAfter && nixChanges.length > 0 };
};

/** The plan from `base` to `head`; `ref` and `commit` name the base. */
export const planFleetChange = (base: FleetRevision, head: FleetRevision, ref: string, commit: string): FleetPlan => {
  const [before, after] = [side(base), side(head)];
  const sameFleet = canonical(base.index.fleet.config) === canonical(head.index.fleet.config);
  const names = [...new Set([...before.nix.keys(), ...after.nix.keys()])].sort(compareNames);
  const canonicalConfig = canonicalConfigs();
  const hosts = names.map((name) => hostPlan(before, after, name, sameFleet, canonicalConfig));
  const fleet = fleetChanges(before, after);
  const count = (status: HostPlan["status"]) => hosts.filter((host) => host.status === status).length;
  return {
    base: { ref, commit },
    risks: planRisks(recipientGains(base.index, head.index), hosts),
    fleet,
    hosts,
    summary: {
      add: count("add"),
      change: count("change"),
      remove: count("remove"),
      unchanged: count("unchanged"),
      deploy: hosts.filter((host) => host.needsDeploy).map((host) => host.name),
    },
  };
};
