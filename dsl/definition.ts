/**
 * Marks the objects the `define*` functions return, so the loader can tell a host file that
 * forgot `defineHost` from one that uses it. The mark is a symbol: invisible to zod and JSON.
 */

const DEFINITION_KIND: unique symbol = Symbol.for("typeflake.definition-kind") as never;

/** Which `define*` function made a value: `defineFleet`, `defineHost`, … */
export type DefinitionKind = "fleet" | "host" | "module" | "overlay" | "home";

/** Tag `value` as the result of `define<Kind>` (a non-enumerable property, value unchanged). */
export const brandDefinition = <T extends object>(kind: DefinitionKind, value: T): T => {
  Object.defineProperty(value, DEFINITION_KIND, { value: kind, enumerable: false });
  return value;
};

/** The kind a `define*` call gave `value`, or undefined when it was not made by one. */
export const definitionKind = (value: unknown): DefinitionKind | undefined =>
  typeof value === "object" && value !== null
    ? ((value as { [DEFINITION_KIND]?: DefinitionKind })[DEFINITION_KIND] ?? undefined)
    : undefined;
