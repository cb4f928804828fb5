/**
 * Runtime validation of a raw `nixos` block against the option index, at generate time: every
 * unknown option path (with the closest valid ones), every renamed or removed option (naming
 * its replacement), every read-only option set, and every value of the wrong kind, all at once.
 *
 * Values are plain data and typeflake expression values. Raw Nix (`nix`…``) passes: only Nix can
 * evaluate it. `mk*` wrappers are taken off as NixOS takes them off (see `Layers`), and their
 * content is checked where they stand; diagnostics inside them keep the wrapper's object path (a
 * `mkMerge` adds the index of the merged definition). What NixOS drops before checking is not
 * checked: the content of `mkIf(false, …)`, and a definition that loses to one of higher priority
 * on every host that evaluates it (`losing-definitions.ts`). Keys under an attribute set of X are
 * names, not options; keys under an open submodule or an untyped value are accepted with the
 * freeform type.
 */
import { isNixExpression, type NixExpression, type NixValue } from "../../dsl/expressions.ts";
import { child, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { findAliases } from "./aliases.ts";
import { describeOptionType } from "./describe-type.ts";
import { slotAt } from "./lookup.ts";
import * as messages from "./option-diagnostics.ts";
import { ELEMENT, ITEM, type OptionPath, type ValuePath } from "./option-path.ts";
import type { EnumType, FloatType, IntType, OptionType, PathType, StringType, SubmoduleType } from "./option-type.ts";
import { namedChildren, segmentOf } from "./declaration-tree.ts";
import type { OptionIndex } from "./runtime-index.ts";
import {
  elementSlot,
  itemSlot,
  namespaceChild,
  type NamespaceSlot,
  rootSlot,
  submoduleSlot,
  type ValueSlot,
} from "./slots.ts";
import type { DefinitionHosts, TypeHint } from "../diagnostics/codes/options.ts";
import { closestNames } from "../diagnostics/suggest.ts";
import { KNOWN_CHECKS } from "./value-checks.ts";
import { isWrapper } from "./defined-values.ts";
import { mergeRuleOf } from "./merge-rule.ts";
import { appliedLimit } from "./applied-limits.ts";
import { certainlyDefined, nameDefaultOption, namedElsewhere, type NamedElsewhere } from "./name-defaults.ts";
import { itemConflicts } from "./definition-conflicts.ts";
import { losingInItem, originKey } from "./losing-definitions.ts";
import { matcherOf } from "./posix-pattern.ts";
import { floatText } from "../nix/escape.ts";

/** At most this many "did you mean" suggestions, as nixpkgs shows. */
const MAX_SUGGESTIONS = 3;

/**
 * Check a `nixos` block. `origin` is where the block itself was written (e.g.
 * `{ file: "hosts/nas/host.ts", objectPath: ["nixos"] }`); each diagnostic's origin extends it.
 * `named`: the elements whose name option (`name-defaults.ts`) a file sets, the fleet's when
 * other files may set it.
 */
export function checkNixosOptions(
  tree: unknown,
  origin: SourceOrigin,
  index: OptionIndex,
  losers: ReadonlyMap<string, DefinitionHosts> = new Map(),
  named: NamedElsewhere = namedElsewhere([tree]),
): Diagnostic[] {
  const checker = new OptionChecker(index, losers, named);
  checker.namespace(rootSlot(index.root), tree, { origin, path: [], declared: [] }, FRESH);
  return checker.diagnostics;
}

/** Where a value stands. */
interface Place {
  readonly origin: SourceOrigin;
  /** The option path with the user's names and list positions, for messages. */
  readonly path: ValuePath;
  /** The same path with `<name>` / `*` placeholders, as aliases are declared. */
  readonly declared: OptionPath;
}

/**
 * How far NixOS has taken a definition's mk* wrappers off where a value stands (`lib/modules.nix`).
 * `mergeDefinitions` discharges every mkMerge and mkIf, then takes off one mkOverride
 * (`filterOverrides`), then one mkOrder (`sortProperties`); `pushDownProperties` carries mkMerge,
 * mkIf and mkOverride, not mkOrder, from a set of options down to each option inside it. A
 * wrapper met after that is left on, and the option's type sees an attribute set `{ _type = …; }`.
 * Each option, attribute-set element, list item and option inside a submodule value starts
 * afresh: NixOS merges each as a definition of its own.
 */
interface Layers {
  /** What NixOS takes off next: anything, an mkOrder only, or nothing. */
  readonly next: "any" | "order" | "none";
  /** The mkOverride or mkOrder taken off last. */
  readonly taken?: NixExpression;
  /** The first wrapper left on. */
  readonly kept?: NixExpression;
  /** Under `mkIf false`, which NixOS drops before any type sees the definition. */
  readonly dropped?: boolean;
}

const FRESH: Layers = { next: "any" };

/** The layers once NixOS has taken `wrapper` off, or left it on. */
function takeOff(layers: Layers, wrapper: NixExpression): Layers {
  if (layers.kept || layers.dropped) return layers;
  const { kind } = wrapper;
  if (layers.next === "any" && (kind === "merge" || kind === "if")) {
    return wrapper.kind === "if" && wrapper.condition === false ? { ...layers, dropped: true } : layers;
  }
  if (layers.next === "any" && kind === "override") return { next: "order", taken: wrapper };
  if (layers.next !== "none" && kind === "order") return { next: "none", taken: wrapper };
  return { ...layers, kept: wrapper };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

const below = (place: Place, key: string | number, declared: string): Place => ({
  origin: child(place.origin, key),
  path: [...place.path, key],
  declared: [...place.declared, declared],
});

class OptionChecker {
  diagnostics: Diagnostic[] = [];
  /** Where the definition being checked applies, when it loses on other hosts. */
  private hosts: DefinitionHosts | undefined;
  /** Definitions that lose inside a list item, found as each item is checked. */
  private readonly losingInItems = new Set<string>();

  constructor(
    private readonly index: OptionIndex,
    private readonly losers: ReadonlyMap<string, DefinitionHosts>,
    /** The elements whose name option some file of the fleet sets (`name-defaults.ts`). */
    private readonly named: NamedElsewhere,
  ) {}

  /** A set of options: NixOS pushes mkMerge, mkIf and mkOverride down to each option inside. */
  namespace(slot: NamespaceSlot, value: unknown, place: Place, layers: Layers): void {
    if (value === undefined) return;
    if (isNixExpression(value)) {
      if (value.kind === "raw") return;
      if (value.kind === "order") return this.report(messages.orderOnOptions(place.origin, place.path, value));
      if (!isWrapper(value)) return this.report(messages.notASet(place.origin, place.path, value));
      // pushDownProperties splits an mkMerge into separate definitions: no option inside is wrapped in it.
      const inside = value.kind === "merge" ? layers : takeOff(layers, value);
      this.contents(value, place, (inner, at) => this.namespace(slot, inner, at, inside));
      return;
    }
    if (!isRecord(value)) {
      this.report(messages.notASet(place.origin, place.path, value));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = below(place, key, key);
      const target = namespaceChild(slot, key);
      if (!target) this.unknown(slot, key, item, at);
      else if (target.kind === "namespace") this.namespace(target, item, at, layers);
      else if (target.option?.readOnly) {
        if (item !== undefined) this.report(messages.readOnlyOption(at.origin, at.path));
      } else this.value(target, item, at, layers);
    }
  }

  /** A definition of an option, element or item, its wrappers taken off as `layers` says. */
  private value(slot: ValueSlot, value: unknown, place: Place, layers: Layers): void {
    if (value === undefined || layers.dropped) return;
    if (layers.kept) return this.leftOn(slot, value, place, layers);
    const key = originKey(place.origin);
    if (this.losingInItems.has(key)) return;
    const hosts = this.losers.get(key);
    if (hosts && hosts.appliesOn.length === 0) return;
    if (hosts && !this.hosts) {
      this.hosts = hosts;
      try {
        return this.value(slot, value, place, layers);
      } finally {
        this.hosts = undefined;
      }
    }
    const { type } = slot;
    if (isNixExpression(value)) {
      if (value.kind === "raw") return;
      if (isWrapper(value)) return this.contents(value, place, (inner, at) => this.value(slot, inner, at, takeOff(layers, value)));
      if (type.kind !== "either") {
        if (!acceptsReference(type, value)) this.mismatch(slot, value, place);
        return;
      }
    }
    if (Array.isArray(value) && mergeRuleOf(type) === "systemd") {
      // unitOption's merge joins the lists as they are: an item's wrapper reaches the unit file.
      value.forEach((item, index) => {
        if (isWrapper(item)) this.report(messages.wrapperInSystemdList(child(place.origin, index), [...place.path, index], item));
      });
    }
    switch (type.kind) {
      case "any":
        return this.checks(type.checks, value, place);
      case "bool":
        if (typeof value !== "boolean") this.mismatch(slot, value, place);
        return;
      case "int":
      case "float":
        return this.number(slot, type, value, place);
      case "string":
        return this.string(slot, type, value, place);
      case "path":
        return this.path(slot, type, value, place);
      case "null":
        if (value !== null) this.mismatch(slot, value, place);
        return;
      case "enum":
        return this.enumValue(type, value, place);
      case "list":
        if (!Array.isArray(value)) return this.mismatch(slot, value, place);
        if (type.nonEmpty && value.length === 0) {
          this.report(messages.checkFailed(place.origin, place.path, "must have at least one item", value));
        }
        value.forEach((item, index) => this.item(itemSlot(type, slot.scope), item, below(place, index, ITEM)));
        return;
      case "attrs":
        if (!isRecord(value)) return this.mismatch(slot, value, place);
        for (const [name, item] of Object.entries(value)) {
          const element = elementSlot(type, slot.scope);
          const at = below(place, name, ELEMENT);
          this.value(element, item, at, FRESH);
          this.nameDefault(element, name, item, at);
        }
        return;
      case "submodule":
        if (!isRecord(value)) return this.mismatch(slot, value, place);
        return this.submodule(slot, type, value, place, layers);
      case "either":
        return this.either(slot, type.of, value, place, layers);
      case "package":
      case "function":
      case "opaque":
        // Only typeflake expressions (a package reference, raw Nix) can stand here.
        return this.mismatch(slot, value, place);
    }
  }

  /**
   * An element that leaves unset an option NixOS defaults to the element's name
   * (`name-defaults.ts`): the name is that option's definition, reported at the element.
   */
  private nameDefault(element: ValueSlot, name: string, item: unknown, place: Place): void {
    const named = nameDefaultOption(place.declared);
    if (named === undefined || element.type.kind !== "submodule" || this.named.has(named.set, name) || !certainlyDefined(item)) return;
    const { option } = named;
    const target = namespaceChild(submoduleSlot(element.type, element.scope), option);
    if (target?.kind !== "value") return;
    this.value(target, name, { origin: place.origin, path: [...place.path, option], declared: [...place.declared, option] }, FRESH);
  }

  /** A wrapper's content, or each definition an mkMerge holds (at its index). */
  private contents(wrapper: NixExpression, place: Place, check: (inner: unknown, at: Place) => void): void {
    if (wrapper.kind === "merge") wrapper.values.forEach((inner, index) => check(inner, { ...place, origin: child(place.origin, index) }));
    else if (wrapper.kind === "override" || wrapper.kind === "order" || wrapper.kind === "if") check(wrapper.value, place);
  }

  /**
   * A list item: NixOS merges it as a definition of its own (`types.listOf`), so its wrappers
   * come off as an option's do, and the definitions of an `mkMerge` in it must merge.
   */
  private item(slot: ValueSlot, value: unknown, place: Place): void {
    if (isWrapper(value)) {
      this.diagnostics.push(...itemConflicts(slot, place.path, value, place.origin));
      for (const key of losingInItem(slot, place.path, value, place.origin).keys()) this.losingInItems.add(key);
    }
    this.value(slot, value, place, FRESH);
  }

  /** A submodule value (or a wrapper left on it), read as a module whose top level NixOS pushes down. */
  private submodule(slot: ValueSlot, type: SubmoduleType, value: unknown, place: Place, layers: Layers): void {
    // sortProperties leaves the order's priority on the definition, which the submodule's merge refuses.
    if (layers.taken?.kind === "order") this.report(messages.orderOnSubmodule(place.origin, place.path, layers.taken));
    this.namespace(submoduleSlot(type, slot.scope), value, place, FRESH);
  }

  /**
   * A wrapper NixOS leaves on (`layers.kept`): the type sees an attribute set. Types that take
   * any value or any set keep it as it is; a submodule reads it as a module, whose top level
   * NixOS pushes down again; every other type refuses it.
   */
  private leftOn(slot: ValueSlot, value: unknown, place: Place, layers: Layers): void {
    const { type } = slot;
    const kept = layers.kept as NixExpression;
    if (type.kind === "submodule") return this.submodule(slot, type, value, place, layers);
    if (takesAnySet(type)) return;
    // sysctl.nix's type checks an mkOverride around a value, and its merge takes that one off too.
    if (type.name === "sysctl option value" && kept.kind === "override" && kept.value === value && !isWrapper(value)) {
      return this.value(slot, value, place, { next: "none" });
    }
    this.report(messages.wrapperLeftOn(place.origin, place.path, kept, layers.taken));
  }

  /**
   * The value is valid when one alternative accepts it. Otherwise, when exactly one alternative
   * that has the value's shape found something more precise than "wrong type here" (a nested
   * error, an enum value, a range, a string's pattern beside a path alternative), its findings
   * are reported; else the whole type mismatches.
   */
  private either(
    slot: ValueSlot,
    alternatives: readonly OptionType[],
    value: unknown,
    place: Place,
    layers: Layers,
  ): void {
    const attempts = alternatives.map((type) => ({
      type,
      found: this.collect(() => this.value({ kind: "value", type, scope: slot.scope }, value, place, layers)),
    }));
    const accepted = attempts.find((attempt) => attempt.found.every((diagnostic) => diagnostic.severity !== "error"));
    if (accepted) {
      this.diagnostics.push(...accepted.found);
      return;
    }
    const depth = place.origin.objectPath.length;
    const precise = attempts.filter(
      (attempt) =>
        hasShapeOf(attempt.type, value) &&
        attempt.found.some(
          (diagnostic) =>
            diagnostic.code !== "option-type-mismatch" || diagnostic.origin.objectPath.length !== depth,
        ),
    );
    if (precise.length === 1) this.diagnostics.push(...(precise[0]?.found ?? []));
    else this.mismatch(slot, value, place);
  }

  private number(slot: ValueSlot, type: IntType | FloatType, value: unknown, place: Place): void {
    if (typeof value !== "number" || !Number.isFinite(value) || (type.kind === "int" && !Number.isInteger(value))) {
      return this.mismatch(slot, value, place);
    }
    // TypeScript has one number type: a whole number is printed as a Nix integer, which `types.float` refuses.
    if (type.kind === "float" && Number.isInteger(value)) return this.mismatch(slot, value, place);
    if ((type.min !== undefined && value < type.min) || (type.max !== undefined && value > type.max)) {
      return this.report(messages.outOfRange(place.origin, place.path, type, value));
    }
    this.checks(type.checks, value, place);
  }

  private string(slot: ValueSlot, type: StringType, value: unknown, place: Place): void {
    if (typeof value !== "string") return this.mismatch(slot, value, place);
    this.checks(type.checks, value, place);
    const limit = appliedLimit(place.declared, value);
    if (limit !== undefined) this.report(messages.checkFailed(place.origin, place.path, limit, value));
    if (type.pattern !== undefined && matcherOf(type.pattern)?.test(value) === false) {
      this.report(messages.patternMismatch(place.origin, place.path, type.pattern, value));
    }
  }

  private path(slot: ValueSlot, type: PathType, value: unknown, place: Place): void {
    const inStore = typeof value === "string" && value.startsWith("/nix/store/");
    if (
      typeof value !== "string" ||
      !value.startsWith("/") ||
      (type.inStore !== undefined && inStore !== type.inStore)
    ) {
      return this.mismatch(slot, value, place);
    }
    this.checks(type.checks, value, place);
  }

  private checks(checks: readonly string[] | undefined, value: unknown, place: Place): void {
    for (const check of checks ?? []) {
      const known = KNOWN_CHECKS[check];
      if (known && !known.holds(value)) this.report(messages.checkFailed(place.origin, place.path, known.rule, value));
    }
  }

  private enumValue(type: EnumType, value: unknown, place: Place): void {
    if (type.values.some((allowed) => allowed === value)) return;
    const strings = type.values.filter((allowed): allowed is string => typeof allowed === "string");
    const closest = typeof value === "string" ? closestNames(value, strings, MAX_SUGGESTIONS) : [];
    this.report(messages.notInEnum(place.origin, place.path, type, value, closest));
  }

  private unknown(slot: NamespaceSlot, key: string, value: unknown, place: Place): void {
    const findings = findAliases(this.index, place.declared, place.path, value);
    for (const finding of findings) {
      const origin = child(place.origin, ...finding.below);
      this.report(messages.oldOption(origin, finding));
      const target =
        finding.to && (finding.alias.kind === "renamed" || finding.alias.kind === "alias") ? finding.to : undefined;
      const targetSlot = target && slotAt(this.index, target.map(String));
      const at: Place = { origin, path: target ?? [], declared: finding.alias.to ?? [] };
      if (targetSlot?.kind === "namespace") this.namespace(targetSlot, finding.value, at, FRESH);
      else if (targetSlot) this.value(targetSlot, finding.value, at, FRESH);
    }
    if (findings.length > 0) return;
    const siblings = slot.node ? namedChildren(slot.node).map(segmentOf) : [];
    const parent = place.path.slice(0, -1);
    // A quoted key with dots ("firewall.enable": false) is one attribute name in Nix, not a path:
    // the option its parts spell is what was meant, and no sibling's name is close to it.
    const spelled = key.includes(".") ? [...parent, ...key.split(".")] : undefined;
    if (spelled && slotAt(this.index, spelled.map(String))) {
      this.report(messages.unknownOption(place.origin, place.path, [spelled], this.index, true));
      return;
    }
    const suggestions = closestNames(key, siblings, MAX_SUGGESTIONS).map((name) => [...parent, name]);
    this.report(messages.unknownOption(place.origin, place.path, suggestions, this.index));
  }

  private mismatch(slot: ValueSlot, value: unknown, place: Place): void {
    const typeText = slot.option?.typeText ?? describeOptionType(slot.type);
    this.report(messages.typeMismatch(place.origin, place.path, typeText, value, hintFor(slot.type, value)));
  }

  private report(diagnostic: Diagnostic): void {
    const hosted = this.hosts && HOSTED_CODES.has(diagnostic.code);
    this.diagnostics.push(hosted ? ({ ...diagnostic, data: { ...diagnostic.data, hosts: this.hosts } } as Diagnostic) : diagnostic);
  }

  private collect(run: () => void): Diagnostic[] {
    const outer = this.diagnostics;
    this.diagnostics = [];
    try {
      run();
      return this.diagnostics;
    } finally {
      this.diagnostics = outer;
    }
  }
}

/** The codes of a wrong value, which name the hosts where a definition that loses elsewhere applies. */
const HOSTED_CODES: ReadonlySet<Diagnostic["code"]> = new Set(["option-type-mismatch", "option-not-in-enum", "option-out-of-range", "option-check-failed"]);

/**
 * Whether `type`'s check takes any attribute set, so a wrapper NixOS leaves on passes it:
 * `anything`, `unspecified` and `types.attrs` keep it as a plain set, a submodule reads it as a
 * module (or an alternative of them takes it).
 */
function takesAnySet(type: OptionType): boolean {
  if (type.kind === "either") return type.of.some(takesAnySet);
  return type.kind === "any" || type.kind === "submodule" || (type.kind === "attrs" && type.of.kind === "any");
}

/** Whether a typeflake value expression (package, path, secret, host) can stand for `type`. */
function acceptsReference(type: OptionType, value: NixExpression): boolean {
  if (type.kind === "any") return true;
  switch (value.kind) {
    case "package":
      return type.kind === "package";
    case "path":
      // A Nix path is copied into the store: never a `path not in the Nix store` (sops' keyFile).
      return type.kind === "path" && type.inStore !== false;
    case "string":
      return type.kind === "string" || (type.kind === "path" && startsAbsolute(value.parts));
    case "secretPath":
      return type.kind === "string" || type.kind === "path";
    case "host":
      return type.kind === "string";
    default:
      return false;
  }
}

/**
 * Whether an interpolated string starts as an absolute path, as `types.path` requires: with `/`,
 * or with a package, a Nix path or a secret's path (all absolute). Raw Nix may be anything.
 */
function startsAbsolute(parts: readonly (string | NixValue)[]): boolean {
  const first = parts.find((part) => part !== "");
  if (typeof first === "string") return first.startsWith("/");
  return isNixExpression(first) && ["package", "path", "secret", "secretPath", "raw"].includes(first.kind);
}

/** Whether `value` is the kind of thing `type` describes, right or wrong in detail. */
function hasShapeOf(type: OptionType, value: unknown): boolean {
  if (type.kind === "either") return type.of.some((alternative) => hasShapeOf(alternative, value));
  if (isNixExpression(value)) return acceptsReference(type, value);
  if (value === null) return type.kind === "null";
  if (Array.isArray(value)) return type.kind === "list";
  if (typeof value === "object") return type.kind === "attrs" || type.kind === "submodule";
  if (type.kind === "enum") return type.values.some((allowed) => typeof allowed === typeof value);
  switch (typeof value) {
    case "string":
      return type.kind === "string" || type.kind === "path";
    case "number":
      return type.kind === "int" || type.kind === "float";
    case "boolean":
      return type.kind === "bool";
    default:
      return false;
  }
}

/** The fix, when a mistake has a well-known one. */
function hintFor(type: OptionType, value: unknown): TypeHint | undefined {
  if (type.kind === "either") {
    return type.of.map((alternative) => hintFor(alternative, value)).find((hint) => hint !== undefined);
  }
  if (isNixExpression(value) && value.kind === "secret" && (type.kind === "string" || type.kind === "path")) {
    return { kind: "secret-path", secret: value.name };
  }
  if (type.kind === "function" || type.kind === "opaque") return { kind: "raw-nix" };
  if (type.kind === "float" && typeof value === "number" && Number.isInteger(value)) return { kind: "whole-float", text: floatText(value) };
  if (typeof value !== "string") return undefined;
  switch (type.kind) {
    case "package":
      return { kind: "package", name: value };
    case "path":
      return value.startsWith("/") ? undefined : { kind: "relative-path", path: value };
    case "bool":
      return value === "true" || value === "false" ? { kind: "unquote", text: value } : undefined;
    case "int":
      return /^-?\d+(\.\d+)?$/.test(value) ? { kind: "unquote", text: value } : undefined;
    case "float":
      if (/^-?\d+$/.test(value)) return { kind: "whole-float", text: floatText(Number(value)) };
      return /^-?\d+\.\d+$/.test(value) ? { kind: "unquote", text: value } : undefined;
    default:
      return undefined;
  }
}
