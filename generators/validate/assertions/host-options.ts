/**
 * What one host's NixOS configuration will hold, as far as typeflake can tell before Nix runs:
 * every definition its host file, its modules and its secrets make (typed builders and raw
 * `nixos` blocks alike), flattened to option paths and merged by priority as the module system
 * does. Assertions read options here, so a typed field and a raw override are judged together.
 *
 * Raw Nix (`nix\`…\``) and `mkIf` with a Nix condition cannot be evaluated here: an option
 * holding one is "unknown", and assertions say nothing about unknowns (no false alarms).
 */
import type { ConfigBody } from "../../../dsl/config-body.ts";
import { isNixExpression, type NixValue } from "../../../dsl/expressions.ts";
import { child, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { Definition } from "../../lower/contribution.ts";
import { lowerEntry } from "../../lower/entry.ts";
import { lowerSecrets } from "../../lower/secrets/index.ts";
import { bodiesOfHost } from "../../lower/services/fleet-view.ts";
import type { Entry, Fleet, HostEntry } from "../../model/fleet.ts";
import { secretsOfHost } from "../../model/host-modules.ts";

/** The priority of a definition without `mkOverride` (NixOS's `defaultPriority`). */
const DEFAULT_PRIORITY = 100;

/** One value defined at an option path. */
export interface OptionLeaf {
  readonly path: readonly string[];
  readonly value: NixValue;
  readonly origin: SourceOrigin;
  readonly priority: number;
  /** Under `mkIf` with a condition only Nix can evaluate. */
  readonly conditional: boolean;
}

/** A value typeflake cannot evaluate (raw Nix, a package, a secret path). */
export const UNKNOWN: unique symbol = Symbol("unknown option value");

/** An option's value as NixOS would merge it, with where it was defined. */
export interface OptionValue {
  /** The winning definition's value; `UNKNOWN` when raw Nix or a Nix condition decides. */
  readonly value: NixValue | typeof UNKNOWN;
  /** Where the winning definitions were written, first first. */
  readonly origins: readonly SourceOrigin[];
}

const isAttrSet = (value: NixValue): value is { readonly [name: string]: NixValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** A raw `nixos` block's keys are the TypeScript keys too: its origins can follow them down. */
const inRawBlock = (origin: SourceOrigin): boolean => origin.objectPath.length === 1 && origin.objectPath[0] === "nixos";

/** Spread one definition into leaves, through plain sets and `mk*` wrappers. */
const flatten = (
  path: readonly string[],
  value: NixValue,
  origin: SourceOrigin,
  priority: number,
  conditional: boolean,
  followKeys: boolean,
): OptionLeaf[] => {
  if (isNixExpression(value)) {
    switch (value.kind) {
      case "override":
        return flatten(path, value.value, origin, value.priority, conditional, false);
      case "order":
        return flatten(path, value.value, origin, priority, conditional, false);
      case "merge":
        return value.values.flatMap((part) => flatten(path, part, origin, priority, conditional, false));
      case "if":
        if (value.condition === false) return [];
        return flatten(path, value.value, origin, priority, conditional || value.condition !== true, false);
      default:
        return [{ path, value, origin, priority, conditional }];
    }
  }
  if (isAttrSet(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([name, inner]) =>
      flatten([...path, name], inner, followKeys ? child(origin, name) : origin, priority, conditional, followKeys),
    );
  }
  return [{ path, value, origin, priority, conditional }];
};

const startsWith = (path: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && startsWith(a, b);

/** Raw Nix, packages, secret paths: values only Nix knows. */
const opaque = (value: NixValue): boolean => isNixExpression(value);

/** A host's merged options, for assertions. */
export class HostOptions {
  constructor(
    readonly host: HostEntry,
    readonly leaves: readonly OptionLeaf[],
  ) {}

  /** The option at `path`, merged by priority; undefined when nothing defines it. */
  get(...path: string[]): OptionValue | undefined {
    // A whole set written as raw Nix above the option decides it, unseen.
    const above = this.leaves.find((leaf) => leaf.path.length < path.length && startsWith(path, leaf.path) && opaque(leaf.value));
    if (above) return { value: UNKNOWN, origins: [above.origin] };
    const here = this.leaves.filter((leaf) => samePath(leaf.path, path));
    if (here.length === 0) return undefined;
    const best = Math.min(...here.map((leaf) => leaf.priority));
    const winners = here.filter((leaf) => leaf.priority === best);
    const origins = winners.map((leaf) => leaf.origin);
    if (winners.some((leaf) => leaf.conditional || opaque(leaf.value))) return { value: UNKNOWN, origins };
    const lists = winners.filter((leaf) => Array.isArray(leaf.value));
    if (lists.length > 0) return { value: lists.flatMap((leaf) => leaf.value as readonly NixValue[]), origins };
    return { value: (winners.at(-1) as OptionLeaf).value, origins };
  }

  /** The names defined directly below `path` (`virtualHosts` → its server names), in definition order. */
  namesUnder(...path: string[]): string[] {
    const names = this.leaves.flatMap((leaf) =>
      leaf.path.length > path.length && startsWith(leaf.path, path) ? [leaf.path[path.length] as string] : [],
    );
    return [...new Set(names)];
  }

  /**
   * Where the set at `path` was written: for a raw `nixos` block the key itself (its leaves'
   * origins follow the keys down), else the typed object that produced it.
   */
  originOf(...path: string[]): SourceOrigin | undefined {
    const leaf = this.leaves.find((candidate) => startsWith(candidate.path, path));
    if (!leaf) return undefined;
    const below = leaf.path.length - path.length;
    const raw = leaf.origin.objectPath[0] === "nixos" && leaf.origin.objectPath.length > below;
    return raw ? { ...leaf.origin, objectPath: leaf.origin.objectPath.slice(0, leaf.origin.objectPath.length - below) } : leaf.origin;
  }

  /** Whether anything below `path` is raw Nix typeflake cannot see into. */
  opaqueAt(...path: string[]): boolean {
    return this.leaves.some((leaf) => (startsWith(path, leaf.path) || startsWith(leaf.path, path)) && (opaque(leaf.value) || leaf.conditional));
  }
}

/** `true`, `false`, or `undefined` when the option is unset or only Nix can tell. */
export const booleanOf = (option: OptionValue | undefined): boolean | undefined =>
  option && typeof option.value === "boolean" ? option.value : undefined;

/** Whether an option is set to something other than `null`; undefined when only Nix can tell. */
export const isSet = (option: OptionValue | undefined): boolean | undefined =>
  option === undefined ? false : option.value === UNKNOWN ? undefined : option.value !== null;

/** The definitions one body makes for `host` (a module's are the same for every host using it). */
const bodyDefinitions = (fleet: Fleet, host: HostEntry, body: Entry<ConfigBody>): readonly Definition[] =>
  lowerEntry(fleet, body, body === host ? host.name : undefined).definitions;

const views = new WeakMap<Fleet, Map<string, HostOptions>>();

/** The merged options of `host` (computed once per fleet). */
export const hostOptions = (fleet: Fleet, host: HostEntry): HostOptions => {
  const ofFleet = views.get(fleet) ?? new Map<string, HostOptions>();
  views.set(fleet, ofFleet);
  const known = ofFleet.get(host.name);
  if (known) return known;
  const origin = { file: host.file, objectPath: [] };
  const secrets = secretsOfHost(fleet, host);
  const definitions = [
    { path: ["networking", "hostName"], value: host.name, origin },
    ...bodiesOfHost(fleet, host).flatMap((body) => bodyDefinitions(fleet, host, body)),
    ...(secrets.length
      ? lowerSecrets(fleet, secrets, { fleet, hostName: host.name, origin, fleetRootFromFile: "../../" }).definitions
      : []),
  ];
  const leaves = definitions.flatMap((definition) =>
    flatten(definition.path, definition.value, definition.origin, DEFAULT_PRIORITY, false, inRawBlock(definition.origin)),
  );
  const view = new HostOptions(host, leaves);
  ofFleet.set(host.name, view);
  return view;
};
