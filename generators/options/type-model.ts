/**
 * The TypeScript form of the option tree, as data: one interface per set of options (the root,
 * each namespace, each submodule), fields typed with TypeScript type text. Named interfaces
 * rather than one nested literal keep `tsc` fast (each is checked once and cached) and give
 * readable names on hover and in errors.
 *
 * Excess-property checks stay strict: a set of options with fixed children has no index
 * signature, so a misspelt key in an object literal is a compile error. Only open submodules
 * (freeform) get an index signature, typed as the union of the freeform value and every declared
 * field, as TypeScript requires.
 */
import { describeOptionType } from "./describe-type.ts";
import { aliasDoc, freeformDoc, namespaceDoc, optionDoc } from "./doc-comment.ts";
import { compareText, ITEM, ELEMENT, type OptionPath, showOptionPath } from "./option-path.ts";
import type { OptionAlias, OptionDeclaration } from "./options-file.ts";
import type { OptionType } from "./option-type.ts";
import { namedChildren, type OptionNode, segmentOf } from "./declaration-tree.ts";
import {
  elementSlot,
  freeformValue,
  itemSlot,
  namespaceChild,
  type NamespaceSlot,
  rootSlot,
  type Slot,
  submoduleSlot,
  type ValueSlot,
} from "./slots.ts";

/** A property of a generated interface. */
export interface FieldModel {
  readonly name: string;
  readonly type: string;
  readonly doc: string;
  /** For an option field, the union members of `T` in its `Definition<T>` (an open submodule's index signature unites them). */
  readonly defines?: readonly string[];
}

/** A generated interface. */
export interface InterfaceModel {
  readonly name: string;
  readonly doc: string;
  readonly fields: readonly FieldModel[];
  /** Value type and doc of the freeform index signature of an open submodule. */
  readonly index?: { readonly type: string; readonly doc: string };
}

/** The name of the shipped root interface: the type of a `nixos` block. */
export const ROOT_INTERFACE = "NixosOptions";

/** How the model is built. */
export interface TypeModelSettings {
  /** Name of the root interface. */
  readonly rootName: string;
  /** Renamed and removed options, added as `@deprecated` fields (see `aliasFields`). */
  readonly aliases: readonly OptionAlias[];
}

/** Type aliases every generated file declares, used by the field types. */
export const PRELUDE_TYPES = {
  definition: "Definition",
  item: "Item",
  string: "StringValue",
  path: "PathValue",
  package: "PackageValue",
  any: "AnyValue",
} as const;

const { definition, item } = PRELUDE_TYPES;

/** The interfaces for the whole tree, root first, then in depth-first path order. */
export function buildTypeModel(root: OptionNode, settings: TypeModelSettings): InterfaceModel[] {
  const builder = new ModelBuilder(settings.rootName);
  builder.interfaceFor(rootSlot(root), root);
  return builder.withAliases(settings.aliases);
}

const pathKey = (path: OptionPath): string => path.join("\u0000");

class ModelBuilder {
  readonly interfaces: InterfaceModel[] = [];
  private readonly names = new Set<string>();
  private readonly byNode = new Map<OptionNode, string>();
  /** Interface name of each set of options, by path. */
  private readonly byPath = new Map<string, string>();
  /** Field type of each option, by path (what a renamed option's old name accepts). */
  private readonly optionTypes = new Map<string, string>();

  constructor(private readonly rootName: string) {}

  /**
   * The interfaces with a field for each old option name whose set of options still exists
   * (`@deprecated`, so editors strike it through and name the replacement): a renamed option
   * takes its replacement's type, a removed one `never` (so setting it is a compile error).
   * When the whole set is gone, its deepest remaining ancestor gets one field for the gone name.
   */
  withAliases(aliases: readonly OptionAlias[]): InterfaceModel[] {
    const added = new Map<string, Map<string, OptionAlias[]>>();
    for (const alias of aliases) {
      for (let depth = alias.from.length - 1; depth >= 0; depth--) {
        const owner = this.byPath.get(pathKey(alias.from.slice(0, depth)));
        if (owner === undefined) continue;
        const name = alias.from[depth] as string;
        const byName = added.get(owner) ?? new Map<string, OptionAlias[]>();
        added.set(owner, byName.set(name, [...(byName.get(name) ?? []), alias]));
        break;
      }
    }
    return this.interfaces.map((model) => {
      const byName = added.get(model.name);
      if (!byName) return model;
      const taken = new Set(model.fields.map((field) => field.name));
      const extra = [...byName]
        .filter(([name]) => !taken.has(name))
        .map(([name, found]) => this.aliasField(name, found));
      if (extra.length === 0) return model;
      const fields = [...model.fields, ...extra].sort((a, b) => compareText(a.name, b.name));
      // TypeScript holds every field of an open submodule to its index signature.
      const index = model.index && { ...model.index, type: union([model.index.type, ...extra.map((field) => field.type)]) };
      return { ...model, fields, ...(index ? { index } : {}) };
    });
  }

  private aliasField(name: string, aliases: readonly OptionAlias[]): FieldModel {
    const [alias] = aliases;
    const exact = aliases.length === 1 && alias && alias.from.length && alias.from[alias.from.length - 1] === name;
    // An `alias` still works (generate warns); a setting of any other old name is refused, so its
    // type is a sentence that tsc's error quotes.
    const type =
      exact && alias.kind === "alias" && alias.to
        ? (this.optionTypes.get(pathKey(alias.to)) ?? `${definition}<${PRELUDE_TYPES.any}>`)
        : JSON.stringify(exact && alias ? aliasSentence(alias) : "renamed or removed in NixOS: see its note for what to write instead");
    return { name, type, doc: aliasDoc(aliases) };
  }

  /** The interface of a set of options declared at `node` (created on first use). */
  interfaceFor(slot: NamespaceSlot, node: OptionNode): string {
    const existing = this.byNode.get(node);
    if (existing) return existing;
    const name = this.uniqueName(node);
    this.byNode.set(node, name);
    this.byPath.set(pathKey(node.path), name);
    const position = this.interfaces.length;
    const fields = namedChildren(node).map((child) => this.field(slot, child));
    const index = slot.freeform && this.indexSignature(slot.freeform, fields);
    this.interfaces.splice(position, 0, { name, doc: namespaceDoc(node), fields, ...(index ? { index } : {}) });
    return name;
  }

  private field(parent: NamespaceSlot, child: OptionNode): FieldModel {
    const name = segmentOf(child);
    // `child` is declared in `parent`, so it always has a slot there.
    const slot = namespaceChild(parent, name) as Slot;
    // NixOS pushes `mkIf`, `mkMerge` and `mkOverride` down through a set of options, and so does typeflake.
    if (slot.kind === "namespace")
      return { name, type: `${definition}<${this.interfaceFor(slot, child)}>`, doc: namespaceDoc(child) };
    const option = child.option as OptionDeclaration;
    // A sentence rather than `never`, so tsc's error says why the option cannot be set.
    if (option.readOnly) return { name, type: JSON.stringify(READ_ONLY), doc: optionDoc(option) };
    const defines = this.members(slot);
    const type = `${definition}<${union(defines)}>`;
    this.optionTypes.set(pathKey(option.path), type);
    return { name, type, doc: optionDoc(option), defines };
  }

  private indexSignature(freeform: OptionType, fields: readonly FieldModel[]): InterfaceModel["index"] {
    const value = freeformValue(freeform);
    const defined = [...this.members({ kind: "value", type: value, scope: undefined })];
    const namespaces: string[] = [];
    for (const field of fields) {
      if (field.defines !== undefined) defined.push(...field.defines);
      else namespaces.push(field.type);
    }
    // Optional declared fields are `T | undefined`, and TypeScript holds them to the index signature.
    const type = union([`${definition}<${union(defined)}>`, ...namespaces, "undefined"]);
    return { type, doc: freeformDoc(describeOptionType(value)) };
  }

  /** TypeScript type text of a value slot (without the `Definition` wrapper). */
  value(slot: ValueSlot): string {
    return union(this.members(slot));
  }

  /** The union members of a value slot's TypeScript type; none when only Nix can write the value. */
  private members(slot: ValueSlot): string[] {
    const { type, scope } = slot;
    switch (type.kind) {
      case "any":
        return [PRELUDE_TYPES.any];
      case "bool":
        return ["boolean"];
      case "int":
      case "float":
        return ["number"];
      case "string":
        return [PRELUDE_TYPES.string];
      case "path":
        return [PRELUDE_TYPES.path];
      case "package":
        return [PRELUDE_TYPES.package];
      case "null":
        return ["null"];
      case "enum":
        return type.values.map((value) => JSON.stringify(value));
      case "list":
        return [`readonly ${item}<${this.value(itemSlot(type, scope))}>[]`];
      case "attrs":
        return [`{ readonly [name: string]: ${definition}<${this.value(elementSlot(type, scope))}> }`];
      case "submodule":
        return [this.submodule(submoduleSlot(type, scope))];
      case "either":
        return type.of.flatMap((alternative) => this.members({ kind: "value", type: alternative, scope }));
      case "function":
      case "opaque":
        // Only raw Nix can write these; `Definition<never>` leaves exactly raw Nix and the wrappers.
        return [];
      default:
        return unreachable(type);
    }
  }

  private submodule(slot: NamespaceSlot): string {
    if (slot.node) return this.interfaceFor(slot, slot.node);
    const value = freeformValue(slot.freeform ?? { kind: "any" });
    return `{ readonly [name: string]: ${definition}<${this.value({ kind: "value", type: value, scope: undefined })}> }`;
  }

  private uniqueName(node: OptionNode): string {
    const base = node.path.length === 0 ? this.rootName : `Nixos${node.path.map(pascalCase).join("")}`;
    let name = base;
    for (let counter = 2; this.names.has(name); counter++) name = `${base}${counter}`;
    this.names.add(name);
    return name;
  }
}

/** The type of a read-only option, which tsc's error quotes. */
const READ_ONLY = "read-only: NixOS computes this option";

/** What tsc's error says about a setting of an old option name. */
function aliasSentence(alias: OptionAlias): string {
  const to = alias.to && showOptionPath(alias.to);
  switch (alias.kind) {
    case "removed": {
      const message = alias.message?.trim().replace(/\s+/g, " ");
      const advice = message && message.length > 160 ? `${message.slice(0, 159)}…` : message;
      return `removed from NixOS${advice ? `: ${advice}` : ""}`;
    }
    case "merged":
      return to ? `merged into ${to}` : "removed from NixOS";
    case "changed":
      return to ? `replaced by ${to}, with a different value` : "removed from NixOS";
    default:
      return to ? `renamed to ${to}` : "removed from NixOS";
  }
}

/** `systemd-boot` → `SystemdBoot`, `<name>` → `Entry`, `*` → `Item`. */
function pascalCase(segment: string): string {
  if (segment === ELEMENT) return "Entry";
  if (segment === ITEM) return "Item";
  const words = segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const text = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(text) ? `_${text}` : text || "_";
}

/** A union of distinct type texts, `null` last (`X | null` reads as nixpkgs' `null or X`). */
function union(types: readonly string[]): string {
  const distinct = [...new Set(types)];
  if (distinct.length === 0) return "never";
  const ordered = [...distinct.filter((type) => type !== "null"), ...distinct.filter((type) => type === "null")];
  return ordered.join(" | ");
}

function unreachable(value: never): never {
  throw new Error(`unhandled option type ${JSON.stringify(value)}`);
}
