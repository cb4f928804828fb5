/**
 * The definitions a host's files make, placed at the options they define as the NixOS module
 * system places them (`lib/modules.nix`): `pushDownProperties` carries a wrapper around a set of
 * options down to each option inside it, and `mergeDefinitions` takes a definition's `mkMerge`
 * and `mkIf` apart (`dischargeProperties`) before it weighs priorities (`filterOverrides`). The
 * conflict check (`definition-conflicts.ts`) and the search for definitions that lose
 * (`losing-definitions.ts`) both start here.
 */
import { isNixAttrSet, isNixExpression, type NixValue } from "../../dsl/expressions.ts";
import { DEFAULT_OVERRIDE_PRIORITY } from "../../dsl/priorities.ts";
import { child, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { ValuePath } from "./option-path.ts";
import type { OptionIndex } from "./runtime-index.ts";
import { namespaceChild, type NamespaceSlot, rootSlot, type ValueSlot } from "./slots.ts";

/** The definitions one generated file makes, each a tree of option values below `path`. */
export interface DefinitionFile {
  readonly definitions: readonly { readonly path: readonly string[]; readonly value: NixValue; readonly origin: SourceOrigin }[];
}

/** One definition of one option (or attribute-set element, or list item), its wrappers taken off. */
export interface Def {
  /** The value once its wrappers are taken off. */
  readonly value: NixValue;
  /** Its `mkOverride` priority (100 without one). */
  readonly priority: number;
  /**
   * Whether an `mkOverride` was taken off it: `filterOverrides` takes off one, so another inside it
   * (`mkForce(mkDefault(x))`) stays part of the value, and the outer priority is the one weighed.
   */
  readonly overridden: boolean;
  /** Where the value was written. */
  readonly origin: SourceOrigin;
  /** Which file made it. */
  readonly file: DefinitionFile;
  /** Raw Nix, or under a condition only Nix can evaluate. */
  readonly unknown: boolean;
  /** Whether the value's keys are TypeScript keys too (a raw `nixos` block), so origins can follow them. */
  readonly follow: boolean;
  /**
   * Whether an mk* wrapper stands around it or above it: the definition tree merges a file's
   * plain values itself, but keeps wrapped ones as they are (`mkMerge [ … ]`) for NixOS to merge.
   */
  readonly wrapped: boolean;
}

/** Where the value of `key` inside `def`'s value was written. */
export const below = (def: Omit<Def, "value">, key: string | number): SourceOrigin => (def.follow ? child(def.origin, key) : def.origin);

/** `lib.modules`' dischargeProperties and mkOverride: the definitions `value` stands for. */
export function discharge(value: NixValue, at: Omit<Def, "value">): Def[] {
  if (!isNixExpression(value)) return [{ ...at, value }];
  const wrapped = { ...at, wrapped: true };
  switch (value.kind) {
    case "override":
      return at.overridden ? [{ ...at, value }] : discharge(value.value, { ...wrapped, priority: value.priority, overridden: true });
    case "order":
      return discharge(value.value, wrapped);
    case "merge":
      return value.values.flatMap((inner, index) => discharge(inner, { ...wrapped, origin: below(at, index) }));
    case "if":
      if (value.condition === false) return [];
      return discharge(value.value, { ...wrapped, unknown: at.unknown || value.condition !== true });
    case "raw":
      return [{ ...at, value, unknown: true }];
    default:
      return [{ ...at, value }];
  }
}

/** Raw Nix: it may stand for any wrapper, so its priority is unknown too. */
export const isRaw = (def: Def): boolean => isNixExpression(def.value) && def.value.kind === "raw";

/**
 * The priority that wins among the definitions `counts` keeps, as `filterOverrides` picks it: it
 * starts from 9999, so a definition of a higher number never applies.
 */
export const winningPriority = (defs: readonly Def[], counts: (def: Def) => boolean): number =>
  defs.reduce((best, def) => (counts(def) ? Math.min(best, def.priority) : best), 9999);

/** A place in one file's definitions or a host's: the option (or element) and what defines it there. */
export interface DefinedOption {
  /** What the option (or element) takes. */
  readonly slot: ValueSlot;
  /** Its option path, with the user's names. */
  readonly path: ValuePath;
  /** Its definitions, in the order the files were given. */
  readonly defs: readonly Def[];
}

/** Definitions gathered per option path, in the order the files were given. */
export type Gathered = Map<string, DefinedOption & { readonly defs: Def[] }>;

/** One file's definitions, placed at the options they define (see {@link gatherDefinitions}). */
export type GatheredDefinitions = ReadonlyMap<string, DefinedOption>;

function addOption(gathered: Gathered, slot: ValueSlot, path: ValuePath, defs: readonly Def[]): void {
  const id = JSON.stringify(path);
  const entry = gathered.get(id) ?? { slot, path, defs: [] };
  entry.defs.push(...defs);
  gathered.set(id, entry);
}

/**
 * Spread definitions through sets of options down to the options (NixOS pushes wrappers down the
 * same way); a set under an mkIf only Nix can evaluate spreads too, its definitions unknown.
 */
export function gather(gathered: Gathered, slot: NamespaceSlot, path: ValuePath, defs: readonly Def[]): void {
  for (const def of defs) {
    if (!isNixAttrSet(def.value)) continue;
    for (const [key, value] of Object.entries(def.value)) {
      const target = namespaceChild(slot, key);
      if (!target) continue; // check-options reports unknown options
      // An mkOverride on a whole set of options is pushed down onto each option inside it
      // (`pushDownProperties`), where it is the one taken off: an inner one stays in the value.
      const inside = discharge(value, { ...def, origin: below(def, key) });
      const at = [...path, key];
      if (target.kind === "namespace") gather(gathered, target, at, inside);
      else addOption(gathered, target, at, inside);
    }
  }
}

/** Where NixOS weighs priorities afresh (each element of an attribute set, each option of a submodule value, each definition). */
const NOT_OVERRIDDEN = { priority: DEFAULT_OVERRIDE_PRIORITY, overridden: false } as const;

/** Attribute sets merged name by name: each name's definitions, each with its own wrappers taken off. */
export function definitionsByName(defs: readonly Def[]): Map<string, Def[]> {
  const names = new Map<string, Def[]>();
  for (const def of defs) {
    if (!isNixAttrSet(def.value)) continue;
    for (const [name, value] of Object.entries(def.value)) {
      const list = names.get(name) ?? [];
      list.push(...discharge(value, { ...def, origin: below(def, name), ...NOT_OVERRIDDEN }));
      names.set(name, list);
    }
  }
  return names;
}

/** A submodule's definitions, spread to its options (each merged with its own type). */
export function submoduleOptions(slot: NamespaceSlot, path: ValuePath, defs: readonly Def[]): Gathered {
  const gathered: Gathered = new Map();
  gather(gathered, slot, path, defs.map((def) => ({ ...def, ...NOT_OVERRIDDEN })));
  return gathered;
}

/** A raw `nixos` block's keys are the TypeScript keys too. */
const inRawBlock = (origin: SourceOrigin): boolean => origin.objectPath.at(-1) === "nixos";

/**
 * A definition made at `path`: down the sets of options to the option it defines (a path that
 * goes on inside the option's value, `services.samba.settings.global`, wraps the value in sets).
 */
function placeDefinition(gathered: Gathered, root: NamespaceSlot, path: readonly string[], defs: readonly Def[]): void {
  let slot: NamespaceSlot = root;
  for (const [depth, key] of path.entries()) {
    const target = namespaceChild(slot, key);
    if (!target) return;
    if (target.kind === "value") {
      const rest = path.slice(depth + 1);
      const wrap = (value: NixValue): NixValue => rest.reduceRight<NixValue>((inner, name) => ({ [name]: inner }), value);
      addOption(gathered, target, path.slice(0, depth + 1), defs.map((def) => ({ ...def, value: wrap(def.value) })));
      return;
    }
    slot = target;
  }
  gather(gathered, slot, path, defs);
}

/** The first definition of a value written at `origin` in `file`, before its wrappers are taken off. */
export const startOf = (file: DefinitionFile, origin: SourceOrigin): Omit<Def, "value"> => ({
  origin,
  file,
  ...NOT_OVERRIDDEN,
  unknown: false,
  follow: inRawBlock(origin),
  wrapped: false,
});

/** What a list item's definitions come from: one file, whichever it is. */
const ITEM_FILE: DefinitionFile = { definitions: [] };

/**
 * The definitions one item of a list in a raw `nixos` block stands for: NixOS merges each item
 * as a definition of its own (`types.listOf`), so `mkMerge([a, b])` as an item is two.
 */
export const itemDefinitions = (value: NixValue, origin: SourceOrigin): Def[] =>
  discharge(value, { ...startOf(ITEM_FILE, origin), follow: true });

/**
 * `file`'s definitions placed at the options they define, once per file: a module's serve every
 * host that lists it.
 */
export function gatherDefinitions(index: OptionIndex, file: DefinitionFile): GatheredDefinitions {
  const gathered: Gathered = new Map();
  const root = rootSlot(index.root);
  for (const { path, value, origin } of file.definitions) placeDefinition(gathered, root, path, discharge(value, startOf(file, origin)));
  return gathered;
}

/** The definitions of a host's files together, per option, in the order given (the host file first). */
export function hostDefinitions(files: readonly GatheredDefinitions[]): GatheredDefinitions {
  const all: Gathered = new Map();
  for (const file of files) {
    for (const [id, { slot, path, defs }] of file) {
      const entry = all.get(id);
      if (entry) entry.defs.push(...defs);
      else all.set(id, { slot, path, defs: [...defs] });
    }
  }
  return all;
}
