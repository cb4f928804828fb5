/**
 * Compare two values field by field: attribute sets are descended into, anything else (lists,
 * expressions, scalars) is compared whole. A subtree added or removed is one change at its root.
 */
import { compareNames } from "../model/compare-names.ts";
import type { ChangeAction, FieldChange, ItemChange } from "./changes.ts";
import type { Section } from "./host-view.ts";
import { canonical, isAttrSet, type ShowValue } from "./values.ts";

/** `name`, or `"a.lan"` where Nix would quote it. */
const attrName = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) ? name : JSON.stringify(name));

/** The fields that differ between `before` and `after`. */
export const fieldChanges = (before: unknown, after: unknown, show: { before: ShowValue; after: ShowValue }, path: string[] = []): FieldChange[] => {
  if (isAttrSet(before) && isAttrSet(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (name) => before[name] !== undefined || after[name] !== undefined,
    );
    return names.flatMap((name) => fieldChanges(before[name], after[name], show, [...path, attrName(name)]));
  }
  if (canonical(before) === canonical(after)) return [];
  const field = path.join(".");
  if (before === undefined) return [{ action: "add", field, after: show.after(after) }];
  if (after === undefined) return [{ action: "remove", field, before: show.before(before) }];
  return [{ action: "change", field, before: show.before(before), after: show.after(after) }];
};

/** The items of one section that were added, removed or changed, in name order. */
export const sectionChanges = (
  section: ItemChange["section"],
  before: Section,
  after: Section,
  show: { before: ShowValue; after: ShowValue },
): ItemChange[] =>
  [...new Set([...before.keys(), ...after.keys()])].sort(compareNames).flatMap((item): ItemChange[] => {
    const old = before.get(item);
    const now = after.get(item);
    const action: ChangeAction | undefined = !before.has(item) ? "add" : !after.has(item) ? "remove" : canonical(old) === canonical(now) ? undefined : "change";
    if (action === undefined) return [];
    if (action === "add") return [{ action, section, item, after: show.after(now) }];
    if (action === "remove") return [{ action, section, item, before: show.before(old) }];
    return isAttrSet(old) && isAttrSet(now)
      ? [{ action, section, item, fields: fieldChanges(old, now, show) }]
      : [{ action, section, item, before: show.before(old), after: show.after(now) }];
  });
