/**
 * What one host's NixOS configuration will hold, as far as typeflake can tell before Nix runs:
 * every definition its host file, its modules and its secrets make (typed builders and raw
 * `nixos` blocks alike), flattened to option paths and merged by priority as the module system
 * does. Assertions read options here, so a typed field and a raw override are judged together.
 *
 * Raw Nix (`nix\`…\``) and `mkIf` with a Nix condition cannot be evaluated here: an option
 * holding one is "unknown", and assertions say nothing about unknowns (no false alarms). Other
 * expressions (`secret("k").path`, `pkg("x")`) are set, to a value only Nix computes.
 */
import { isNixAttrSet, isNixExpression, type NixValue } from "../../../dsl/expressions.ts";
import { DEFAULT_OVERRIDE_PRIORITY } from "../../../dsl/priorities.ts";
import { child, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { Definition } from "../../lower/contribution.ts";
import { bodyContributions, type LoweredFleet, type LoweredHost } from "../../lower/fleet.ts";
import type { HostEntry } from "../../model/fleet.ts";
import { bodiesOfHost, type FleetIndex } from "../../model/fleet-index.ts";
import { handWrittenNix } from "../../model/hand-written-nix.ts";
import { isWrapper } from "../../options/defined-values.ts";
import { isRaw, itemDefinitions, winningPriority } from "../../options/option-definitions.ts";

/** One value defined at an option path. */
export interface OptionLeaf {
  readonly path: readonly string[];
  readonly value: NixValue;
  readonly origin: SourceOrigin;
  readonly priority: number;
  /** Under `mkIf` with a condition only Nix can evaluate. */
  readonly conditional: boolean;
}

/** A value typeflake cannot evaluate: raw Nix, or a definition under a Nix condition. */
export const UNKNOWN: unique symbol = Symbol("unknown option value");

/** An option's value as NixOS would merge it, with where it was defined. */
export interface OptionValue {
  /** The winning definition's value; `UNKNOWN` when raw Nix or a Nix condition decides. */
  readonly value: NixValue | typeof UNKNOWN;
  /** Where the winning definitions were written, first first. */
  readonly origins: readonly SourceOrigin[];
  /** When the last winning definition was made among the host's (host file, modules, raw blocks last): to tell which of two options came later. */
  readonly sequence: number;
}

/** A raw `nixos` block's keys are the TypeScript keys too: its origins can follow them down. */
const inRawBlock = (origin: SourceOrigin): boolean => origin.objectPath.length === 1 && origin.objectPath[0] === "nixos";

/** A name in WATCHED that stands for every name at its place (`services.*.enable`). */
const ANY_NAME = "*";

/**
 * The option subtrees the assertions and the inventory's page read. Only definitions on these
 * paths are kept: a host's Samba settings or package lists would cost time and answer nothing.
 * A reader of another option adds its path here (`get` refuses paths outside them, so none is missed).
 */
const WATCHED: readonly (readonly string[])[] = [
  ["age"],
  ["sops"],
  ["boot", "supportedFilesystems"],
  ["boot", "initrd", "supportedFilesystems"],
  ["boot", "zfs", "extraPools"],
  ["fileSystems"],
  ["networking", "firewall"],
  ["networking", "hostId"],
  ["networking", "hostName"],
  ["networking", "wireguard", "interfaces"],
  ["security", "acme"],
  ["time", "timeZone"],
  // Every service's switch, for the inventory's list of services enabled through raw blocks.
  ["services", ANY_NAME, "enable"],
  ["services", "nginx", "enable"],
  ["services", "nginx", "virtualHosts"],
  ["services", "openssh", "enable"],
  ["services", "openssh", "hostKeys"],
  ["services", "openssh", "listenAddresses"],
  ["services", "openssh", "settings", "X11Forwarding"],
  ["programs", "ssh", "setXAuthLocation"],
  ["services", "samba", "nsswins"],
  ["services", "samba", "winbindd", "enable"],
  ["services", "prometheus", "exporters"],
  ["users", "mutableUsers"],
  ["users", "users"],
];

/**
 * WATCHED as a tree of names, to follow while descending a definition instead of comparing every
 * set's path with every watched one. `end` marks where a watched subtree begins: below it, all is watched.
 */
interface WatchNode {
  readonly end: boolean;
  readonly children: Map<string, WatchNode>;
}

/** Add the watched subtree `source` at `target` (copied: a later merge must not change `source`). */
const addSubtree = (target: WatchNode, source: WatchNode): void => {
  (target as { end: boolean }).end ||= source.end;
  for (const [name, child] of source.children) {
    const next = target.children.get(name) ?? { end: false, children: new Map() };
    target.children.set(name, next);
    addSubtree(next, child);
  }
};

/** Every name beside a wildcard gets the wildcard's subtree too, so that one step down a name finds all that is watched below it. */
const spreadWildcards = (node: WatchNode): void => {
  const any = node.children.get(ANY_NAME);
  for (const [name, child] of node.children) {
    if (any && name !== ANY_NAME) addSubtree(child, any);
    spreadWildcards(child);
  }
};

const WATCH_TREE: WatchNode = { end: false, children: new Map() };
for (const root of WATCHED) addSubtree(WATCH_TREE, root.reduceRight<WatchNode>((below, name) => ({ end: false, children: new Map([[name, below]]) }), { end: true, children: new Map() }));
spreadWildcards(WATCH_TREE);

/**
 * Where one step down from `at` leads: `INSIDE` once inside a watched subtree, undefined off
 * every watched path, else the watch tree's node (a set holding watched options).
 */
const INSIDE = "inside";
type WatchPosition = WatchNode | typeof INSIDE;

const step = (at: WatchPosition, name: string): WatchPosition | undefined => {
  if (at === INSIDE) return INSIDE;
  const next = at.children.get(name) ?? at.children.get(ANY_NAME);
  return next === undefined ? undefined : next.end ? INSIDE : next;
};

/** Where `path` stands in the watch tree; undefined when it lies on no watched subtree. */
const watchPosition = (path: readonly string[]): WatchPosition | undefined => {
  let at: WatchPosition | undefined = WATCH_TREE;
  for (const name of path) {
    at = step(at, name);
    if (at === undefined) return undefined;
  }
  return at;
};

/** Whether `path` lies on a watched subtree: above one (a set holding it) or inside one. */
const watched = (path: readonly string[]): boolean => watchPosition(path) !== undefined;

/**
 * Spread one definition into `leaves`, through plain sets and `mk*` wrappers, on watched paths
 * only; `at` is where `path` stands in the watch tree.
 */
const flatten = (
  leaves: OptionLeaf[],
  at: WatchPosition,
  path: readonly string[],
  value: NixValue,
  origin: SourceOrigin,
  priority: number,
  conditional: boolean,
  followKeys: boolean,
): void => {
  if (isNixExpression(value)) {
    switch (value.kind) {
      case "override":
        return flatten(leaves, at, path, value.value, origin, value.priority, conditional, false);
      case "order":
        return flatten(leaves, at, path, value.value, origin, priority, conditional, false);
      case "merge":
        for (const part of value.values) flatten(leaves, at, path, part, origin, priority, conditional, false);
        return;
      case "if":
        if (value.condition === false) return;
        return flatten(leaves, at, path, value.value, origin, priority, conditional || value.condition !== true, false);
      default:
        leaves.push({ path, value, origin, priority, conditional });
        return;
    }
  }
  if (isNixAttrSet(value)) {
    let empty = true;
    for (const name in value) {
      if (!Object.hasOwn(value, name)) continue;
      empty = false;
      const below = step(at, name);
      if (below !== undefined) flatten(leaves, below, [...path, name], value[name] as NixValue, followKeys ? child(origin, name) : origin, priority, conditional, followKeys);
    }
    if (!empty) return;
  }
  leaves.push({ path, value, origin, priority, conditional });
};

/**
 * Raw Nix: a value only Nix knows, which may even be `null`. Other expressions (a secret's path,
 * a package, a Nix path, an interpolated string) are known to be set, though not to what.
 */
const opaque = (value: NixValue): boolean => isNixExpression(value) && value.kind === "raw";

/** One attribute of the option tree: the leaves defined exactly here, and the attributes below. */
interface OptionNode {
  /** {@link NO_LEAVES} until a leaf is defined here: most nodes only lead to others. */
  leaves: OptionLeaf[];
  /** {@link NO_CHILDREN} until an attribute is defined below: a host's tree has hundreds of nodes, most of them leaves. */
  children: Map<string, OptionNode>;
  /** The first leaf defined at or below this node. */
  readonly first: OptionLeaf;
  /** A raw Nix value or a conditional definition here or below. */
  opaqueBelow: boolean;
}

/** Shared by every node without leaves, or without children, and never added to. */
const NO_LEAVES: OptionLeaf[] = [];
const NO_CHILDREN = new Map<string, OptionNode>();

const isDark = (leaf: OptionLeaf): boolean => opaque(leaf.value) || leaf.conditional;

const isOpaqueLeaf = (leaf: OptionLeaf): boolean => opaque(leaf.value);

/**
 * A list's items as NixOS merges them (`types.listOf` merges each item as a definition of its
 * own): their wrappers taken off, items under `mkIf(false, …)` left out. UNKNOWN when an item
 * stands under a condition only Nix can evaluate, or holds definitions only NixOS merges.
 */
const listItems = (items: readonly NixValue[], origin: SourceOrigin): NixValue[] | typeof UNKNOWN => {
  const values: NixValue[] = [];
  for (const item of items) {
    if (!isWrapper(item)) {
      values.push(item);
      continue;
    }
    const defs = itemDefinitions(item, origin);
    if (defs.some((def) => def.unknown && !isRaw(def))) return UNKNOWN;
    const best = winningPriority(defs, () => true);
    const winners = defs.filter((def) => def.priority === best);
    if (winners.length > 1) return UNKNOWN;
    values.push(...winners.map((def) => def.value));
  }
  return values;
};

/** A host's merged options, for assertions; a tree built once, so each question is a walk down a path. */
export class HostOptions {
  private readonly root: OptionNode;
  private readonly order = new Map<OptionLeaf, number>();

  constructor(
    readonly host: HostEntry,
    leaves: readonly OptionLeaf[],
    /** The hand-written Nix the host imports (fleet-relative), which may set any option unseen (see `model/hand-written-nix.ts`). */
    readonly handWritten: readonly string[],
  ) {
    this.root = { leaves: NO_LEAVES, children: NO_CHILDREN, first: leaves[0] as OptionLeaf, opaqueBelow: false };
    for (const leaf of leaves) {
      this.order.set(leaf, this.order.size);
      const dark = isDark(leaf);
      let node = this.root;
      node.opaqueBelow ||= dark;
      for (const name of leaf.path) {
        let next = node.children.get(name);
        if (!next) {
          next = { leaves: NO_LEAVES, children: NO_CHILDREN, first: leaf, opaqueBelow: false };
          if (node.children === NO_CHILDREN) node.children = new Map();
          node.children.set(name, next);
        }
        next.opaqueBelow ||= dark;
        node = next;
      }
      if (node.leaves === NO_LEAVES) node.leaves = [leaf];
      else node.leaves.push(leaf);
    }
  }

  /** The nodes along `path`: the root first, then one per name while they exist. */
  private walk(path: readonly string[]): OptionNode[] {
    const nodes = [this.root];
    for (const name of path) {
      const next = (nodes.at(-1) as OptionNode).children.get(name);
      if (!next) break;
      nodes.push(next);
    }
    return nodes;
  }

  private node(path: readonly string[]): OptionNode | undefined {
    let node: OptionNode | undefined = this.root;
    for (let depth = 0; depth < path.length && node; depth++) node = node.children.get(path[depth] as string);
    return node;
  }

  /**
   * The option at `path`, merged by priority; undefined when nothing defines it. Asked about
   * thirty times per host: one pass down the path, no list of the nodes on it.
   */
  get(...path: string[]): OptionValue | undefined {
    if (!watched(path) || path.length === 0) throw new Error(`HostOptions: ${path.join(".")} is not a watched option path (see WATCHED)`);
    let node: OptionNode | undefined = this.root;
    for (let depth = 0; depth < path.length && node; depth++) {
      // A whole set written as raw Nix above the option decides it, unseen.
      const above = depth > 0 ? node.leaves.find(isOpaqueLeaf) : undefined;
      if (above) return { value: UNKNOWN, origins: [above.origin], sequence: this.order.get(above) ?? 0 };
      node = node.children.get(path[depth] as string);
    }
    const here = node?.leaves ?? NO_LEAVES;
    if (here.length === 0) return undefined;
    let best = Infinity;
    for (const leaf of here) best = Math.min(best, leaf.priority);
    const winners = here.filter((leaf) => leaf.priority === best);
    const origins = winners.map((leaf) => leaf.origin);
    let sequence = 0;
    for (const leaf of winners) sequence = Math.max(sequence, this.order.get(leaf) ?? 0);
    if (winners.some(isDark)) return { value: UNKNOWN, origins, sequence };
    const lists = winners.filter((leaf) => Array.isArray(leaf.value));
    if (lists.length > 0) {
      const items = lists.map((leaf) => listItems(leaf.value as readonly NixValue[], leaf.origin));
      return { value: items.includes(UNKNOWN) ? UNKNOWN : items.flat() as NixValue[], origins, sequence };
    }
    return { value: (winners.at(-1) as OptionLeaf).value, origins, sequence };
  }

  /** The names defined directly below `path` (`virtualHosts` → its server names), in definition order. */
  namesUnder(...path: string[]): string[] {
    return [...(this.node(path)?.children.keys() ?? [])];
  }

  /**
   * Where the set at `path` was written: for a raw `nixos` block the key itself (its leaves'
   * origins follow the keys down), else the typed object that produced it.
   */
  originOf(...path: string[]): SourceOrigin | undefined {
    const leaf = this.node(path)?.first;
    if (!leaf) return undefined;
    const below = leaf.path.length - path.length;
    const raw = leaf.origin.objectPath[0] === "nixos" && leaf.origin.objectPath.length > below;
    return raw ? { ...leaf.origin, objectPath: leaf.origin.objectPath.slice(0, leaf.origin.objectPath.length - below) } : leaf.origin;
  }

  /** Whether anything at, above or below `path` is raw Nix or conditional, which typeflake cannot see into. */
  opaqueAt(...path: string[]): boolean {
    const nodes = this.walk(path);
    return nodes.slice(1).some((node) => node.leaves.some(isDark)) || (nodes.length === path.length + 1 && (nodes.at(-1) as OptionNode).opaqueBelow);
  }
}

/** `true`, `false`, or `undefined` when the option is unset or only Nix can tell. */
export const booleanOf = (option: OptionValue | undefined): boolean | undefined =>
  option && typeof option.value === "boolean" ? option.value : undefined;

/** Whether an option is set to something other than `null`; undefined when only Nix can tell. */
export const isSet = (option: OptionValue | undefined): boolean | undefined =>
  option === undefined ? false : option.value === UNKNOWN ? undefined : option.value !== null;

/** The leaves of a list of definitions. */
const flattenAll = (definitions: readonly Definition[]): readonly OptionLeaf[] => {
  const leaves: OptionLeaf[] = [];
  for (const definition of definitions) {
    const at = watchPosition(definition.path);
    if (at !== undefined) flatten(leaves, at, definition.path, definition.value, definition.origin, DEFAULT_OVERRIDE_PRIORITY, false, inRawBlock(definition.origin));
  }
  return leaves;
};

/** The merged options of one lowered host: its identity, host file, modules and secrets; `leavesOf` flattens a list once. */
const hostOptions = (index: FleetIndex, lowered: LoweredHost, leavesOf: (definitions: readonly Definition[]) => readonly OptionLeaf[]): HostOptions =>
  new HostOptions(
    lowered.host,
    [lowered.identity, ...bodyContributions(lowered), lowered.secrets].flatMap((part) => leavesOf(part.definitions)),
    handWrittenNix(lowered.host, bodiesOfHost(index, lowered.host)),
  );

/** Every host's merged options, in the fleet's host order. */
export type FleetOptions = readonly HostOptions[];

/**
 * Every host's merged options, built once per run and handed to each check that reads them
 * (the assertions and the cross-host unique values), so no host is merged twice. A shared
 * module's definitions are flattened once for all the hosts using it.
 */
export const fleetOptions = (lowered: LoweredFleet): FleetOptions => {
  const flattened = new Map<readonly Definition[], readonly OptionLeaf[]>();
  const leavesOf = (definitions: readonly Definition[]): readonly OptionLeaf[] => {
    const known = flattened.get(definitions) ?? flattenAll(definitions);
    flattened.set(definitions, known);
    return known;
  };
  return [...lowered.hosts.values()].map((host) => hostOptions(lowered.index, host, leavesOf));
};
