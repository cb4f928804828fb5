/**
 * Marks the objects the `define*` functions return, so the loader can tell a host file that
 * forgot `defineHost` from one that uses it. The mark is a symbol: invisible to zod and JSON.
 *
 * Marking never throws: a `define*` call is the user's line, and a TypeError from inside it
 * ("object is not extensible", "Cannot redefine property") names typeflake's internals, not
 * what is wrong. What cannot carry the mark is marked another way, and validation then says what
 * the value is.
 */

const DEFINITION_KIND: unique symbol = Symbol.for("typeflake.definition-kind") as never;
// Symbol.for, like the kind's: the CLI and a test runner may each hold an instance of this module.
const NOT_AN_OBJECT: unique symbol = Symbol.for("typeflake.definition-argument") as never;

/** Which `define*` function made a value: `defineFleet`, `defineHost`, … */
export type DefinitionKind = "fleet" | "host" | "module" | "overlay" | "home";

/** A `define*` call's argument that is no object (`defineHost(null)`, past the types), kept for validation. */
interface Boxed {
  readonly [NOT_AN_OBJECT]: unknown;
}

/** What can carry a property: objects, arrays, functions. */
const isObject = (value: unknown): value is object => (typeof value === "object" && value !== null) || typeof value === "function";

const mark = (kind: DefinitionKind, value: object): boolean =>
  Reflect.defineProperty(value, DEFINITION_KIND, { value: kind, enumerable: false });

/**
 * `value` with its own properties (getters stay getters) and prototype, without a mark: for an
 * object that cannot take this call's mark (frozen, sealed, or marked by another `define*`).
 */
const unmarkedCopy = (value: object): object => {
  const { [DEFINITION_KIND]: _mark, ...descriptors } = Object.getOwnPropertyDescriptors(value) as Record<PropertyKey, PropertyDescriptor>;
  return Object.create(Object.getPrototypeOf(value) as object | null, descriptors) as object;
};

/**
 * Tag `value` as the result of `define<Kind>` (a non-enumerable property, value unchanged); an
 * object that cannot be tagged is copied and the copy tagged; a value that is no object is boxed.
 */
export const brandDefinition = <T extends object>(kind: DefinitionKind, value: T): T => {
  if (!isObject(value)) {
    const box: Boxed = { [NOT_AN_OBJECT]: value };
    mark(kind, box);
    return box as T;
  }
  if (mark(kind, value)) return value;
  const copy = unmarkedCopy(value);
  mark(kind, copy);
  return copy as T;
};

/** The kind a `define*` call gave `value`, or undefined when it was not made by one. */
export const definitionKind = (value: unknown): DefinitionKind | undefined =>
  isObject(value) ? ((value as { [DEFINITION_KIND]?: DefinitionKind })[DEFINITION_KIND] ?? undefined) : undefined;

/** What was passed to the `define*` call that made `value`: `value` itself unless it was boxed. */
export const definedValue = (value: unknown): unknown =>
  isObject(value) && Object.hasOwn(value, NOT_AN_OBJECT) ? (value as Boxed)[NOT_AN_OBJECT] : value;
