/**
 * What a `nixos` block expects at each place, and how to step to a child place. The TypeScript
 * writer, the validator and `optionTypeAt` all descend with these rules, so a key the types
 * accept is a key the validator accepts.
 *
 * - A namespace slot is a set of options: the root, `services`, the inside of a submodule. Its
 *   keys are its declared children; an open submodule (freeform) also takes any other key,
 *   whose value must have the freeform element type.
 * - A value slot holds a value of an option type. Attribute-set elements and list items are value
 *   slots too; their submodule options live under the `<name>` / `*` child of `scope`.
 */
import { ELEMENT, ITEM } from "./option-path.ts";
import type { OptionDeclaration } from "./options-file.ts";
import type { AttrsType, ListType, OptionType, SubmoduleType } from "./option-type.ts";
import type { OptionNode } from "./declaration-tree.ts";

/** A set of options. */
export interface NamespaceSlot {
  readonly kind: "namespace";
  /** Declared options and namespaces; absent for a submodule whose options are not in the schema. */
  readonly node: OptionNode | undefined;
  /** Type of undeclared keys' values; absent when undeclared keys are errors. */
  readonly freeform: OptionType | undefined;
}

/** A value of an option type. */
export interface ValueSlot {
  readonly kind: "value";
  readonly type: OptionType;
  /** The node under which the type's submodule options are declared. */
  readonly scope: OptionNode | undefined;
  /** Set when the slot is a declared option (not an element or a freeform value). */
  readonly option?: OptionDeclaration;
}

export type Slot = NamespaceSlot | ValueSlot;

const ANY: OptionType = { kind: "any" };

/** The whole `nixos` block. */
export const rootSlot = (root: OptionNode): NamespaceSlot => ({ kind: "namespace", node: root, freeform: undefined });

/** The place of `key` inside a namespace; `undefined` when the key is not an option there. */
export function namespaceChild(slot: NamespaceSlot, key: string): Slot | undefined {
  const child = key === ELEMENT || key === ITEM ? undefined : slot.node?.children.get(key);
  if (child?.option) return { kind: "value", type: child.option.type, scope: child, option: child.option };
  if (child) return { kind: "namespace", node: child, freeform: slot.freeform && namespaceFreeform(slot.freeform) };
  if (slot.freeform) return { kind: "value", type: freeformValue(slot.freeform), scope: undefined };
  return undefined;
}

/**
 * The inside of a submodule value. A submodule whose options the schema does not list accepts
 * any attribute: an option missing from the snapshot is no proof NixOS lacks it.
 */
export function submoduleSlot(type: SubmoduleType, scope: OptionNode | undefined): NamespaceSlot {
  const declared = scope !== undefined && [...scope.children.keys()].some((key) => key !== ELEMENT && key !== ITEM);
  return {
    kind: "namespace",
    node: declared ? scope : undefined,
    freeform: declared ? type.freeform : (type.freeform ?? ANY),
  };
}

/** An element of an attribute set. */
export const elementSlot = (type: AttrsType, scope: OptionNode | undefined): ValueSlot => ({
  kind: "value",
  type: type.of,
  scope: scope?.children.get(ELEMENT),
});

/** An item of a list. */
export const itemSlot = (type: ListType, scope: OptionNode | undefined): ValueSlot => ({
  kind: "value",
  type: type.of,
  scope: scope?.children.get(ITEM),
});

/** The type of one undeclared attribute of an open submodule with freeform type `freeform`. */
export const freeformValue = (freeform: OptionType): OptionType => (freeform.kind === "attrs" ? freeform.of : ANY);

/**
 * A namespace declared inside an open submodule (`services.samba.settings.global`) is itself a
 * freeform value: its undeclared keys take the element type of that value.
 */
const namespaceFreeform = (freeform: OptionType): OptionType | undefined => setFreeform(freeformValue(freeform));

/**
 * What an attribute set taken by `type` holds, as a freeform type (`attrs` or any); `undefined`
 * when `type` takes no attribute set. Of an `either`, every alternative that takes a set counts
 * (unbound's settings are strings, attribute sets or lists of them).
 */
function setFreeform(type: OptionType): OptionType | undefined {
  switch (type.kind) {
    case "attrs":
    case "any":
      return type;
    case "submodule":
      return type.freeform;
    case "either": {
      const sets = type.of.flatMap((alternative) => setFreeform(alternative) ?? []);
      if (sets.length <= 1) return sets[0];
      if (sets.some((set) => set.kind !== "attrs")) return ANY;
      return { kind: "attrs", of: { kind: "either", of: sets.map(freeformValue) } };
    }
    default:
      return undefined;
  }
}

/** The place one path segment below `slot` (`*` or a number for list items), by the same rules. */
export function descend(slot: Slot, segment: string): Slot | undefined {
  if (slot.kind === "namespace") return namespaceChild(slot, segment);
  return descendType(slot.type, slot.scope, segment);
}

function descendType(type: OptionType, scope: OptionNode | undefined, segment: string): Slot | undefined {
  switch (type.kind) {
    case "attrs":
      return elementSlot(type, scope);
    case "list":
      return segment === ITEM || /^\d+$/.test(segment) ? itemSlot(type, scope) : undefined;
    case "submodule":
      return namespaceChild(submoduleSlot(type, scope), segment);
    case "either":
      for (const alternative of type.of) {
        const slot = descendType(alternative, scope, segment);
        if (slot) return slot;
      }
      return undefined;
    case "any":
      return { kind: "value", type: ANY, scope: undefined };
    default:
      return undefined;
  }
}
