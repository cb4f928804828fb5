/**
 * Plain-data helpers the plan reads option values and model values with: a canonical text to
 * compare by (key order and `undefined` fields do not count), and a short Nix-like text to show.
 */
import { isNixAttrSet, isNixExpression, type NixValue } from "../../dsl/expressions.ts";
import type { FleetIndex } from "../model/fleet-index.ts";
import { fleetScope } from "../files/scope.ts";
import { valueLowerer } from "../lower/value.ts";
import { printNixExpr } from "../nix/print.ts";

/** A plain attribute set inside an option or model value (not a list, not a typeflake expression). */
export type AttrSet = { readonly [name: string]: NixValue };

/** True for plain attribute sets: the only values the plan descends into. */
export const isAttrSet: (value: unknown) => value is AttrSet = isNixAttrSet;

/**
 * The value NixOS ends up with where it does not depend on other definitions: `mkForce x`,
 * `mkDefault x`, `mkBefore x` are `x`; the parts of an `mkMerge` are merged (lists joined, sets
 * combined). `mkIf` and raw Nix stay as they are: their value is only known to Nix.
 */
export const unwrapped = (value: unknown): unknown => {
  if (!isNixExpression(value as NixValue) || typeof value !== "object" || value === null) return value;
  const expression = value as { kind: string; value?: unknown; values?: readonly unknown[] };
  if (expression.kind === "override" || expression.kind === "order") return unwrapped(expression.value);
  if (expression.kind !== "merge" || !expression.values) return value;
  const parts = expression.values.map(unwrapped);
  if (parts.every(Array.isArray)) return parts.flat();
  if (parts.every(isAttrSet)) return Object.assign({}, ...parts);
  return value;
};

/** The value at `path` inside nested attribute sets, if every step is one (see `unwrapped`). */
export const valueAt = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((current, name) => {
    const set = unwrapped(current);
    return isAttrSet(set) ? unwrapped(set[name]) : undefined;
  }, unwrapped(value));

/** The attribute set at `path`, or an empty one. */
export const setAt = (value: unknown, path: readonly string[]): AttrSet => {
  const found = valueAt(value, path);
  return isAttrSet(found) ? found : {};
};

/** The list at `path`, or an empty one; its items unwrapped too (NixOS takes each item's wrappers off). */
export const listAt = (value: unknown, path: readonly string[]): readonly unknown[] => {
  const found = valueAt(value, path);
  return Array.isArray(found) ? found.map(unwrapped) : [];
};

/** JSON with sorted keys, without `undefined` fields or functions: equal values, equal text. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.keys(item as object).sort().map((name) => [name, (item as Record<string, unknown>)[name]]))
      : typeof item === "bigint"
        ? item.toString()
        : item,
  ) ?? "null";

/** How values are shown: as Nix on one line, spelled as the fleet's generated files spell them. */
export type ShowValue = (value: unknown) => string;

const MAX_SHOWN = 120;

/** A value shower for the fleet of `index`; values Nix cannot print fall back to their JSON. */
export const valueShower = (index: FleetIndex): ShowValue => {
  const scope = fleetScope(index);
  return (value) => {
    let text: string;
    try {
      text = printNixExpr(valueLowerer(scope).lower(value as NixValue)).replace(/\s*\n\s*/g, " ");
    } catch {
      text = canonical(value);
    }
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  };
};
