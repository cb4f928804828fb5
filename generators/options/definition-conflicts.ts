/**
 * Definitions of one option made in different files of a host (its host file and its modules),
 * merged as the NixOS module system will merge them: the definitions of the highest priority
 * (lowest `mkOverride` number) win, and the winners must merge by the option's type
 * (`merge-rule.ts`). Two different strings for a `string` option, or two definitions of a
 * `package`, are refused by NixOS at evaluation: typeflake refuses them before writing.
 *
 * Conflicts between plain values of one file are the definition tree's (`lower/definition-tree.ts`);
 * here definitions from different files are judged, and those of one file that an mk* wrapper
 * keeps apart (`mkMerge [ "a" "b" ]`), and those inside one list item (`[ (mkMerge [ 1 2 ]) ]`).
 * Raw Nix, and `mkIf` with a condition only Nix can evaluate when it could win, make an option
 * unknown: nothing is said about it (no false alarms).
 */
import { isDeepStrictEqual } from "node:util";
import { isNixAttrSet, isNixExpression, type NixValue } from "../../dsl/expressions.ts";
import { describeValue } from "../diagnostics/describe-value.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { ConflictReason } from "../diagnostics/codes/options.ts";
import { describeOptionType } from "./describe-type.ts";
import { mergeRuleOf } from "./merge-rule.ts";
import {
  type Def,
  type DefinitionFile,
  definitionsByName,
  gatherDefinitions,
  type GatheredDefinitions,
  hostDefinitions,
  isRaw,
  itemDefinitions,
  submoduleOptions,
  winningPriority,
} from "./option-definitions.ts";
import type { ValuePath } from "./option-path.ts";
import type { OptionType } from "./option-type.ts";
import type { OptionIndex } from "./runtime-index.ts";
import { elementSlot, type NamespaceSlot, submoduleSlot, type ValueSlot } from "./slots.ts";

export type { DefinitionFile } from "./option-definitions.ts";

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

/** An option's type as nixpkgs describes it. */
const typeTextOf = (slot: ValueSlot): string => slot.option?.typeText ?? describeOptionType(slot.type);

/** Checks the winning definitions of one option (or element) from at least two files. */
class ConflictFinder {
  readonly found: Diagnostic[] = [];

  /** `item`: the definitions are those of one list item. */
  constructor(private readonly item = false) {}

  check(slot: ValueSlot, path: ValuePath, all: readonly Def[]): void {
    // A definition only Nix can judge that could win, or join the winners, leaves the option unknown.
    // The priority of the definitions sure to apply (neither raw Nix nor under an mkIf only Nix can evaluate).
    const best = winningPriority(all, (def) => !def.unknown);
    if (all.some((def) => isRaw(def) || (def.unknown && def.priority <= best))) return;
    const defs = all.filter((def) => def.priority === best);
    // Plain values of one file were merged, or refused, by its definition tree.
    if (new Set(defs.map((def) => def.file)).size < 2 && !defs.some((def) => def.wrapped)) return;
    if (defs.length < 2) return;
    this.merge(slot, slot.type, path, defs);
  }

  private merge(slot: ValueSlot, type: OptionType, path: ValuePath, defs: readonly Def[]): void {
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
  private alternatives(slot: ValueSlot, alternatives: readonly OptionType[], path: ValuePath, defs: readonly Def[]): void {
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
  private coerced(slot: ValueSlot, [final, from]: readonly OptionType[], path: ValuePath, defs: readonly Def[]): void {
    if (final === undefined || from === undefined) return;
    if (defs.every((def) => fits(final, def.value) && !fits(from, def.value))) this.merge(slot, final, path, defs);
  }

  /** `types.anything` and settings formats: one Nix type for all; sets merge by name, other values must be equal. */
  private sameKind(slot: ValueSlot, path: ValuePath, defs: readonly Def[], element: () => ValueSlot): void {
    const kinds = new Set(defs.map((def) => nixTypeOf(def.value)));
    if (kinds.size > 1) return this.report(slot, path, defs, "different-types");
    if (kinds.has("set")) return this.byName(path, defs, element);
    this.allEqual(slot, path, defs);
  }

  /** `mergeDefaultOption`: lists, sets, booleans and strings merge; other values must be equal. */
  private mergeDefault(slot: ValueSlot, path: ValuePath, defs: readonly Def[]): void {
    const kinds = new Set(defs.map((def) => nixTypeOf(def.value)));
    if (kinds.size === 1 && ["list", "set", "boolean", "string"].some((kind) => kinds.has(kind))) return;
    this.allEqual(slot, path, defs);
  }

  /** Attribute sets merged name by name; each element is judged with its own wrappers. */
  private byName(path: ValuePath, defs: readonly Def[], element: () => ValueSlot): void {
    for (const [name, list] of definitionsByName(defs)) this.check(element(), [...path, name], list);
  }

  /** A submodule: its options, each merged with its own type. */
  private options(slot: NamespaceSlot, path: ValuePath, defs: readonly Def[]): void {
    for (const entry of submoduleOptions(slot, path, defs).values()) this.check(entry.slot, entry.path, entry.defs);
  }

  private allEqual(slot: ValueSlot, path: ValuePath, defs: readonly Def[]): void {
    const [first, ...rest] = defs as [Def, ...Def[]];
    const other = rest.find((def) => !isDeepStrictEqual(def.value, first.value));
    if (!other) return;
    // An interpolated string or a reference may evaluate to the other value: only Nix can tell.
    if (isNixExpression(first.value) || isNixExpression(other.value)) return;
    this.report(slot, path, defs, "different-values");
  }

  private report(slot: ValueSlot, path: ValuePath, defs: readonly Def[], reason: ConflictReason): void {
    const [last, ...earlier] = [...defs].reverse() as [Def, ...Def[]];
    this.found.push(
      error(
        "conflicting-option-definitions",
        last.origin,
        { path, type: typeTextOf(slot), reason, values: defs.map((def) => describeValue(def.value)), ...(this.item && { item: true as const }) },
        earlier.map((def) => def.origin),
      ),
    );
  }
}

/**
 * The conflicts between the files that configure one host, gathered, in the order given (the
 * host file first, then its modules): each reported once, at the last definition involved.
 */
export function conflictsBetween(files: readonly GatheredDefinitions[]): Diagnostic[] {
  const finder = new ConflictFinder();
  for (const entry of hostDefinitions(files).values()) finder.check(entry.slot, entry.path, entry.defs);
  return finder.found;
}

/**
 * The conflicts inside one list item written at `origin`: NixOS merges each item as a
 * definition of its own, so `mkMerge([1, 2])` as an item of a list of integers is refused.
 */
export function itemConflicts(slot: ValueSlot, path: ValuePath, value: NixValue, origin: SourceOrigin): Diagnostic[] {
  const finder = new ConflictFinder(true);
  finder.check(slot, path, itemDefinitions(value, origin));
  return finder.found;
}

/** {@link conflictsBetween} `files`, each gathered here. */
export const definitionConflicts = (index: OptionIndex, files: readonly DefinitionFile[]): Diagnostic[] =>
  conflictsBetween(files.map((file) => gatherDefinitions(index, file)));
