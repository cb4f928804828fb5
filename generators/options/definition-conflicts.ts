/**
 * Definitions of one option made in different files of a host (its host file and its modules),
 * merged as the NixOS module system will merge them: the definitions of the highest priority
 * (lowest `mkOverride` number) win, and the winners must merge by the option's type
 * (`merge-rule.ts`). Two different strings for a `string` option, or two definitions of a
 * `package`, are refused by NixOS at evaluation: typeflake refuses them before writing.
 *
 * Conflicts between plain values of one file are the definition tree's (`lower/definition-tree.ts`);
 * here definitions from different files are judged, and those of one file that an mk* wrapper
 * keeps apart (`mkMerge [ "a" "b" ]`). Raw Nix, and `mkIf` with a condition only Nix can
 * evaluate, make an option unknown: nothing is said about it (no false alarms).
 */
import { isDeepStrictEqual } from "node:util";
import { isNixAttrSet, isNixExpression, type NixValue } from "../../dsl/expressions.ts";
import { DEFAULT_OVERRIDE_PRIORITY } from "../../dsl/priorities.ts";
import { describeValue } from "../diagnostics/describe-value.ts";
import { child, error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { ConflictReason } from "../diagnostics/codes/options.ts";
import { describeOptionType } from "./describe-type.ts";
import { mergeRuleOf } from "./merge-rule.ts";
import type { OptionType } from "./option-type.ts";
import type { OptionIndex } from "./runtime-index.ts";
import { elementSlot, namespaceChild, type NamespaceSlot, rootSlot, submoduleSlot, type ValueSlot } from "./slots.ts";

/** The definitions one generated file makes, each a tree of option values below `path`. */
export interface DefinitionFile {
  readonly definitions: readonly { readonly path: readonly string[]; readonly value: NixValue; readonly origin: SourceOrigin }[];
}

/** One definition of one option (or attribute-set element), its wrappers taken off. */
interface Def {
  readonly value: NixValue;
  readonly priority: number;
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

const below = (def: Omit<Def, "value">, key: string): SourceOrigin => (def.follow ? child(def.origin, key) : def.origin);

/** `lib.modules`' dischargeProperties and one level of mkOverride: the definitions `value` stands for. */
function discharge(value: NixValue, at: Omit<Def, "value">): Def[] {
  if (!isNixExpression(value)) return [{ ...at, value }];
  const wrapped = { ...at, wrapped: true };
  switch (value.kind) {
    case "override":
      return discharge(value.value, { ...wrapped, priority: value.priority });
    case "order":
      return discharge(value.value, wrapped);
    case "merge":
      return value.values.flatMap((inner) => discharge(inner, wrapped));
    case "if":
      if (value.condition === false) return [];
      return discharge(value.value, { ...wrapped, unknown: at.unknown || value.condition !== true });
    case "raw":
      return [{ ...at, value, unknown: true }];
    default:
      return [{ ...at, value }];
  }
}

/** The definitions that win: those of the lowest priority number (`filterOverrides`). */
function winners(defs: readonly Def[]): Def[] {
  let best = Infinity;
  for (const def of defs) best = Math.min(best, def.priority);
  return defs.filter((def) => def.priority === best);
}

/** Definitions gathered per option path, in the order the files were given. */
type Gathered = Map<string, { readonly slot: ValueSlot; readonly path: readonly string[]; readonly defs: Def[] }>;

/** One file's definitions, placed at the options they define (see {@link gatherDefinitions}). */
export type GatheredDefinitions = ReadonlyMap<string, { readonly slot: ValueSlot; readonly path: readonly string[]; readonly defs: readonly Def[] }>;

function addOption(gathered: Gathered, slot: ValueSlot, path: readonly string[], defs: readonly Def[]): void {
  const id = JSON.stringify(path);
  const entry = gathered.get(id) ?? { slot, path, defs: [] };
  entry.defs.push(...defs);
  gathered.set(id, entry);
}

/** Spread definitions through sets of options down to the options (NixOS pushes wrappers down the same way). */
function gather(gathered: Gathered, slot: NamespaceSlot, path: readonly string[], defs: readonly Def[]): void {
  for (const def of defs) {
    if (def.unknown || !isNixAttrSet(def.value)) continue;
    for (const [key, value] of Object.entries(def.value)) {
      const target = namespaceChild(slot, key);
      if (!target) continue; // check-options reports unknown options
      const inside = discharge(value, { ...def, origin: below(def, key), priority: DEFAULT_OVERRIDE_PRIORITY });
      // A priority set on a whole set of options applies to each option inside it.
      const inherited = inside.map((item) => (item.priority === DEFAULT_OVERRIDE_PRIORITY ? { ...item, priority: def.priority } : item));
      const at = [...path, key];
      if (target.kind === "namespace") gather(gathered, target, at, inherited);
      else addOption(gathered, target, at, inherited);
    }
  }
}

/** Whether `value` is of the Nix kind `type` takes, as `either` tests its alternatives (`check`). */
function fits(type: OptionType, value: NixValue): boolean {
  if (isNixExpression(value)) {
    if (value.kind === "package") return type.kind === "package" || type.kind === "any";
    return type.kind === "string" || type.kind === "path" || type.kind === "any";
  }
  switch (type.kind) {
    case "bool":
      return typeof value === "boolean";
    case "int":
      return typeof value === "number" && Number.isInteger(value) && (type.min === undefined || value >= type.min) && (type.max === undefined || value <= type.max);
    case "float":
      return typeof value === "number" && !Number.isInteger(value);
    case "string":
    case "path":
      return typeof value === "string";
    case "enum":
      return type.values.includes(value as string | number | boolean);
    case "null":
      return value === null;
    case "list":
      return Array.isArray(value);
    case "attrs":
    case "submodule":
      return isNixAttrSet(value);
    case "either":
      return type.of.some((alternative) => fits(alternative, value));
    case "any":
      return true;
    default:
      return false;
  }
}

/** The Nix type of a plain value, as `types.anything` compares them. */
const nixTypeOf = (value: NixValue): string =>
  value === null ? "null" : Array.isArray(value) ? "list" : isNixAttrSet(value) ? "set" : isNixExpression(value) ? value.kind : typeof value;

/** Checks the winning definitions of one option (or element) from at least two files. */
class ConflictFinder {
  readonly found: Diagnostic[] = [];

  constructor(private readonly optionType: (slot: ValueSlot) => string) {}

  check(slot: ValueSlot, path: readonly string[], all: readonly Def[]): void {
    if (all.some((def) => def.unknown)) return;
    const defs = winners(all);
    // Plain values of one file were merged, or refused, by its definition tree.
    if (new Set(defs.map((def) => def.file)).size < 2 && !defs.some((def) => def.wrapped)) return;
    if (defs.length < 2) return;
    this.merge(slot, slot.type, path, defs);
  }

  private merge(slot: ValueSlot, type: OptionType, path: readonly string[], defs: readonly Def[]): void {
    switch (mergeRuleOf(type)) {
      case "equal":
        return this.allEqual(slot, path, defs);
      case "unique":
        return this.report(slot, path, defs, "unique");
      case "systemd":
        return defs.some((def) => Array.isArray(def.value)) ? undefined : this.allEqual(slot, path, defs);
      case "default":
        return this.mergeDefault(slot, path, defs);
      case "elements":
        if (type.kind === "attrs") this.byName(path, defs, () => elementSlot(type, slot.scope));
        return;
      case "options":
        if (type.kind === "submodule") this.options(submoduleSlot(type, slot.scope), path, defs);
        return;
      case "alternatives":
        if (type.kind === "either" && type.coerced) this.coerced(slot, type.of, path, defs);
        else if (type.kind === "either") this.alternatives(slot, type.of, path, defs);
        return;
      case "anything":
        return this.sameKind(slot, path, defs, () => slot);
      case "settings":
        if (defs.every((def) => Array.isArray(def.value))) return;
        return this.sameKind(slot, path, defs, () => slot);
      default:
        return;
    }
  }

  /** `nullOr` / `either`: merged by the first alternative that every value fits. */
  private alternatives(slot: ValueSlot, alternatives: readonly OptionType[], path: readonly string[], defs: readonly Def[]): void {
    const nulls = defs.filter((def) => def.value === null).length;
    if (alternatives.some((alternative) => alternative.kind === "null") && nulls > 0) {
      if (nulls < defs.length) this.report(slot, path, defs, "null-and-not-null");
      return;
    }
    const common = alternatives.find((alternative) => defs.every((def) => fits(alternative, def.value)));
    if (common) this.merge(slot, common, path, defs);
    // No alternative takes every value: `either` falls back to mergeOneOption.
    else if (defs.every((def) => alternatives.some((alternative) => fits(alternative, def.value)))) this.report(slot, path, defs, "unique");
  }

  /**
   * `coercedTo`: values of the second type are converted to the first, then merged by it. Only
   * values already of the first type can be compared; converted ones are Nix's to judge.
   */
  private coerced(slot: ValueSlot, [final, from]: readonly OptionType[], path: readonly string[], defs: readonly Def[]): void {
    if (final === undefined || from === undefined) return;
    if (defs.every((def) => fits(final, def.value) && !fits(from, def.value))) this.merge(slot, final, path, defs);
  }

  /** `types.anything` and settings formats: one Nix type for all; sets merge by name, other values must be equal. */
  private sameKind(slot: ValueSlot, path: readonly string[], defs: readonly Def[], element: () => ValueSlot): void {
    const kinds = new Set(defs.map((def) => nixTypeOf(def.value)));
    if (kinds.size > 1) return this.report(slot, path, defs, "different-types");
    if (kinds.has("set")) return this.byName(path, defs, element);
    this.allEqual(slot, path, defs);
  }

  /** `mergeDefaultOption`: lists, sets, booleans and strings merge; other values must be equal. */
  private mergeDefault(slot: ValueSlot, path: readonly string[], defs: readonly Def[]): void {
    const kinds = new Set(defs.map((def) => nixTypeOf(def.value)));
    if (kinds.size === 1 && ["list", "set", "boolean", "string"].some((kind) => kinds.has(kind))) return;
    this.allEqual(slot, path, defs);
  }

  /** Attribute sets merged name by name; each element is judged with its own wrappers. */
  private byName(path: readonly string[], defs: readonly Def[], element: () => ValueSlot): void {
    const names = new Map<string, Def[]>();
    for (const def of defs) {
      if (!isNixAttrSet(def.value)) continue;
      for (const [name, value] of Object.entries(def.value)) {
        const list = names.get(name) ?? [];
        list.push(...discharge(value, { ...def, origin: below(def, name), priority: DEFAULT_OVERRIDE_PRIORITY }));
        names.set(name, list);
      }
    }
    for (const [name, list] of names) this.check(element(), [...path, name], list);
  }

  /** A submodule: its options, each merged with its own type. */
  private options(slot: NamespaceSlot, path: readonly string[], defs: readonly Def[]): void {
    const gathered: Gathered = new Map();
    gather(gathered, slot, path, defs.map((def) => ({ ...def, priority: DEFAULT_OVERRIDE_PRIORITY })));
    for (const entry of gathered.values()) this.check(entry.slot, entry.path, entry.defs);
  }

  private allEqual(slot: ValueSlot, path: readonly string[], defs: readonly Def[]): void {
    const [first, ...rest] = defs as [Def, ...Def[]];
    const other = rest.find((def) => !isDeepStrictEqual(def.value, first.value));
    if (!other) return;
    // An interpolated string or a reference may evaluate to the other value: only Nix can tell.
    if (isNixExpression(first.value) || isNixExpression(other.value)) return;
    this.report(slot, path, defs, "different-values");
  }

  private report(slot: ValueSlot, path: readonly string[], defs: readonly Def[], reason: ConflictReason): void {
    const [last, ...earlier] = [...defs].reverse() as [Def, ...Def[]];
    this.found.push(
      error(
        "conflicting-option-definitions",
        last.origin,
        { path, type: this.optionType(slot), reason, values: defs.map((def) => describeValue(def.value)) },
        earlier.map((def) => def.origin),
      ),
    );
  }
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

/**
 * `file`'s definitions placed at the options they define, once per file: a module's serve every
 * host that lists it (see {@link conflictsBetween}).
 */
export function gatherDefinitions(index: OptionIndex, file: DefinitionFile): GatheredDefinitions {
  const gathered: Gathered = new Map();
  const root = rootSlot(index.root);
  for (const { path, value, origin } of file.definitions) {
    const start = { origin, file, priority: DEFAULT_OVERRIDE_PRIORITY, unknown: false, follow: inRawBlock(origin), wrapped: false };
    placeDefinition(gathered, root, path, discharge(value, start));
  }
  return gathered;
}

/**
 * The conflicts between the files that configure one host, gathered, in the order given (the
 * host file first, then its modules): each reported once, at the last definition involved.
 */
export function conflictsBetween(files: readonly GatheredDefinitions[]): Diagnostic[] {
  const all: Gathered = new Map();
  for (const file of files) {
    for (const [id, { slot, path, defs }] of file) {
      const entry = all.get(id);
      if (entry) entry.defs.push(...defs);
      else all.set(id, { slot, path, defs: [...defs] });
    }
  }
  const finder = new ConflictFinder((slot) => slot.option?.typeText ?? describeOptionType(slot.type));
  for (const entry of all.values()) finder.check(entry.slot, entry.path, entry.defs);
  return finder.found;
}

/** {@link conflictsBetween} `files`, each gathered here. */
export const definitionConflicts = (index: OptionIndex, files: readonly DefinitionFile[]): Diagnostic[] =>
  conflictsBetween(files.map((file) => gatherDefinitions(index, file)));
