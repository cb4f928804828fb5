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
import { freeformDoc, namespaceDoc, optionDoc } from "./doc-comment.ts";
import { ITEM, ELEMENT } from "./option-path.ts";
import type { OptionDeclaration } from "./options-file.ts";
import type { OptionType } from "./option-type.ts";
import { namedChildren, type OptionNode, segmentOf } from "./option-tree.ts";
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

/** The name of the root interface: the type of a `nixos` block. */
export const ROOT_INTERFACE = "NixosOptions";

/** Type aliases every generated file declares, used by the field types. */
export const PRELUDE_TYPES = {
  definition: "Definition",
  item: "Item",
  string: "StringValue",
  path: "PathValue",
  package: "PackageValue",
} as const;

const { definition, item } = PRELUDE_TYPES;

/** The interfaces for the whole tree, root first, then in depth-first path order. */
export function buildTypeModel(root: OptionNode): InterfaceModel[] {
  const builder = new ModelBuilder();
  builder.interfaceFor(rootSlot(root), root);
  return builder.interfaces;
}

class ModelBuilder {
  readonly interfaces: InterfaceModel[] = [];
  private readonly names = new Set<string>();
  private readonly byNode = new Map<OptionNode, string>();

  /** The interface of a set of options declared at `node` (created on first use). */
  interfaceFor(slot: NamespaceSlot, node: OptionNode): string {
    const existing = this.byNode.get(node);
    if (existing) return existing;
    const name = this.uniqueName(node);
    this.byNode.set(node, name);
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
    if (slot.kind === "namespace") return { name, type: this.interfaceFor(slot, child), doc: namespaceDoc(child) };
    const option = child.option as OptionDeclaration;
    if (option.readOnly) return { name, type: "never", doc: optionDoc(option) };
    const defines = this.members(slot);
    return { name, type: `${definition}<${union(defines)}>`, doc: optionDoc(option), defines };
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
        return ["NixValue"];
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
    const base = node.path.length === 0 ? ROOT_INTERFACE : `Nixos${node.path.map(pascalCase).join("")}`;
    let name = base;
    for (let counter = 2; this.names.has(name); counter++) name = `${base}${counter}`;
    this.names.add(name);
    return name;
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
