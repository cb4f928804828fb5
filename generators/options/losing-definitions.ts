/**
 * Definitions that lose on a host, which NixOS never type-checks: `mergeDefinitions` drops every
 * definition of a higher priority number than the winners' (`filterOverrides`) before the option
 * type's `check` and `merge` see any, so `mkDefault("wrong")` beside a plain `true` evaluates.
 * Priorities are compared where NixOS compares them: at each option across all the files of a
 * host, at each element of an attribute set, at each option inside a submodule value, and inside
 * one list item. A definition beside one of a lower number under an mkIf only Nix can evaluate
 * may lose: typeflake then says nothing of its value rather than raise a false alarm. Raw Nix
 * counts as a value of unknown priority. A module's definition may lose on one host and apply
 * on another, so it is judged per host (`validate/losing-definitions.ts` gathers the hosts).
 */
import type { NixValue } from "../../dsl/expressions.ts";
import type { SourceOrigin } from "../diagnostics/diagnostic.ts";
import { mergeRuleOf } from "./merge-rule.ts";
import {
  type Def,
  definitionsByName,
  type GatheredDefinitions,
  hostDefinitions,
  isRaw,
  itemDefinitions,
  submoduleOptions,
  winningPriority,
} from "./option-definitions.ts";
import type { ValuePath } from "./option-path.ts";
import type { OptionType } from "./option-type.ts";
import { elementSlot, submoduleSlot, type ValueSlot } from "./slots.ts";

/** Where a definition was written, as a key of a set. */
export const originKey = (origin: SourceOrigin): string => JSON.stringify([origin.file, origin.objectPath]);

/** Collects the origins of losing definitions, written in raw `nixos` blocks (the only ones whose values are checked). */
class LoserFinder {
  /** Origin key → the origin. */
  readonly found = new Map<string, SourceOrigin>();

  check(slot: ValueSlot, path: ValuePath, defs: readonly Def[]): void {
    // Raw Nix counts as a value of unknown priority: it makes no other definition lose, nor loses itself.
    const best = winningPriority(defs, (def) => !isRaw(def));
    const lost = (def: Def): boolean => def.priority > best && !isRaw(def);
    for (const def of defs) if (lost(def) && def.follow) this.found.set(originKey(def.origin), def.origin);
    this.inside(slot, slot.type, path, defs.filter((def) => !lost(def)));
  }

  /** The places inside the applying definitions' values where NixOS weighs priorities again. */
  private inside(slot: ValueSlot, type: OptionType, path: ValuePath, defs: readonly Def[]): void {
    switch (mergeRuleOf(type)) {
      case "elements":
        if (type.kind === "attrs") this.byName(path, defs, elementSlot(type, slot.scope));
        return;
      case "options":
        if (type.kind !== "submodule") return;
        for (const entry of submoduleOptions(submoduleSlot(type, slot.scope), path, defs).values()) this.check(entry.slot, entry.path, entry.defs);
        return;
      case "anything":
      case "settings":
        // Their sets merge name by name, as `attrsOf` merges.
        return this.byName(path, defs, slot);
      case "alternatives":
        // `nullOr (attrsOf …)` and the like: what the alternatives hold is checked alike.
        if (type.kind === "either") for (const alternative of type.of) this.inside(slot, alternative, path, defs);
        return;
      default:
        return;
    }
  }

  private byName(path: ValuePath, defs: readonly Def[], element: ValueSlot): void {
    for (const [name, list] of definitionsByName(defs)) this.check(element, [...path, name], list);
  }
}

/** The origins of the definitions that lose on the host whose files (host file first, then its modules) are `files`. */
export function losingDefinitions(files: readonly GatheredDefinitions[]): ReadonlyMap<string, SourceOrigin> {
  const finder = new LoserFinder();
  // Only definitions of raw `nixos` blocks are ever found: a host with none (most hosts of a fleet) needs no weighing.
  if (!files.some((file) => [...file.values()].some((entry) => entry.defs.some((def) => def.follow)))) return finder.found;
  for (const entry of hostDefinitions(files).values()) finder.check(entry.slot, entry.path, entry.defs);
  return finder.found;
}

/** The origins of the definitions that lose inside one list item written at `origin` (`mkMerge([mkDefault(1), 2])`). */
export function losingInItem(slot: ValueSlot, path: ValuePath, value: NixValue, origin: SourceOrigin): ReadonlyMap<string, SourceOrigin> {
  const finder = new LoserFinder();
  finder.check(slot, path, itemDefinitions(value, origin));
  return finder.found;
}
