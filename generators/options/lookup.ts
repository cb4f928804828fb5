/**
 * Where does an option path lead? For other parts of typeflake that emit option paths (the
 * service lowering checks that every path it writes exists with a compatible type).
 */
import type { OptionPath } from "./option-path.ts";
import type { OptionType } from "./option-type.ts";
import type { OptionIndex } from "./runtime-index.ts";
import { shippedOptionIndex } from "./shipped.ts";
import { descend, rootSlot, type Slot } from "./slots.ts";

/**
 * The place `path` leads to, or `undefined` when no option is there. Segments are attribute names
 * (`["services", "nginx", "virtualHosts", "example.org", "root"]`); a list item is `*` or its
 * index; the manual's `<name>` placeholder works for any attribute name.
 */
export function slotAt(index: OptionIndex, path: OptionPath): Slot | undefined {
  let slot: Slot | undefined = rootSlot(index.root);
  for (const segment of path) {
    if (!slot) return undefined;
    slot = descend(slot, segment);
  }
  return slot;
}

/**
 * The structured type of the option (or option element) at `path`, or `undefined` when the path
 * is not an option. A namespace (`services.nginx`) and the inside of a submodule answer
 * `{ kind: "submodule" }` (with the freeform type of an open one): both are sets of options. Paths below an open submodule or an
 * attribute set of a non-submodule type answer the freeform or element type.
 */
export function optionTypeAt(path: OptionPath, index: OptionIndex = shippedOptionIndex()): OptionType | undefined {
  const slot = slotAt(index, path);
  if (!slot) return undefined;
  if (slot.kind === "value") return slot.type;
  return slot.freeform ? { kind: "submodule", freeform: slot.freeform } : { kind: "submodule" };
}
