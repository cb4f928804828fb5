/**
 * Values Nix cannot hold, found in a definition before its schema is applied: text with a NUL
 * character or a lone UTF-16 surrogate (in values and in attribute names), integers beyond 64
 * bits (and, as a warning, integers JavaScript may have rounded), NaN and infinities (also inside expressions such as `mkOverride(NaN, …)`, which no schema
 * parses), arrays with an empty slot (`[a, , b]`), values nested deeper than any configuration
 * needs, and values that contain themselves.
 *
 * The walk is iterative, so a value nested thousands of levels deep is reported, not a stack
 * overflow; a shared object seen twice is fine, only an object inside itself is a cycle.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import type { TextProblem } from "../diagnostics/codes/validate.ts";
import { error, warning, type Diagnostic, type ObjectPathSegment, type SourceOrigin } from "../diagnostics/diagnostic.ts";

/**
 * The deepest nesting of objects and arrays a definition may have. NixOS options are a dozen
 * levels deep at most; the bound keeps every later stage (schema, lowering, printer, locator)
 * far from the JavaScript stack limit.
 */
export const MAX_NESTING = 100;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A surrogate half without its partner: such text has no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of text, or undefined when Nix can hold it. */
export const textProblem = (text: string): TextProblem | undefined => {
  const nul = text.indexOf("\0");
  if (nul >= 0) return { code: "nul-character", index: nul };
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return { code: "lone-surrogate", index: lone.index, unit: lone[0].charCodeAt(0).toString(16).toUpperCase() };
  return undefined;
};

/** An integer Nix cannot hold (outside its signed 64-bit range), as text, or undefined. */
const oversizedInteger = (value: number): string | undefined => {
  if (!Number.isInteger(value)) return undefined;
  const big = BigInt(value);
  return big >= INT64_MIN && big <= INT64_MAX ? undefined : String(big);
};

/**
 * The fields of each expression kind that hold Nix values. No schema parses them (an expression is
 * taken as it is), so the walk checks that they hold only what Nix can: `nix\`${() => 1}\``
 * would otherwise print `{ }`, and `undefined` would crash the printer.
 */
const VALUE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  raw: ["parts"],
  string: ["parts"],
  override: ["value"],
  order: ["value"],
  if: ["condition", "value"],
  merge: ["values"],
};

/** What a value inside an expression is when it is not one Nix can hold, or undefined. */
const foreignKind = (value: unknown): string | undefined => {
  switch (typeof value) {
    case "function":
      return "a function";
    case "undefined":
      return "undefined";
    case "symbol":
      return "a symbol";
    case "bigint":
      return "a bigint";
    case "object": {
      if (value === null || Array.isArray(value) || isNixExpression(value)) return undefined;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) return undefined;
      const name = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === "string" && name !== "" ? `a ${name} object` : "an object made by a class";
    }
    default:
      return undefined;
  }
};

/** An array's items with their indices; an empty slot (`[a, , b]`) has none. */
const arrayEntries = (array: readonly unknown[]): [number, unknown][] => {
  const entries: [number, unknown][] = [];
  for (let index = 0; index < array.length; index++) if (index in array) entries.push([index, array[index]]);
  return entries;
};

/** The index of an array's first empty slot, if it has one. */
const firstHole = (array: readonly unknown[]): number | undefined => {
  for (let index = 0; index < array.length; index++) if (!(index in array)) return index;
  return undefined;
};

interface Frame {
  readonly value: unknown;
  readonly path: readonly ObjectPathSegment[];
  /** Inside a value field of an expression: only Nix values may be here. */
  readonly strict?: boolean;
  /** Path of the outermost expression value this one is inside (problems are reported there). */
  readonly expression?: readonly ObjectPathSegment[];
  /** Set when the frame closes an object: it leaves the chain of ancestors. */
  readonly exit?: object;
}

/** Every problem of `value` (a definition's default export) that Nix could not represent. */
export const unrepresentableValues = (file: string, value: unknown): Diagnostic[] => {
  const diagnostics: Diagnostic[] = [];
  const at = (path: readonly ObjectPathSegment[]): SourceOrigin => ({ file, objectPath: path });
  const reportText = (path: readonly ObjectPathSegment[], { code, ...fields }: TextProblem, key?: string) =>
    diagnostics.push(error(code, at(path), { ...fields, ...(key === undefined ? {} : { key }) }));
  const ancestors = new Map<object, readonly ObjectPathSegment[]>();
  const stack: Frame[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      ancestors.delete(frame.exit);
      continue;
    }
    const { value: current, path } = frame;
    const place = frame.expression ?? path;
    const foreign = frame.strict ? foreignKind(current) : undefined;
    if (foreign) {
      diagnostics.push(error("invalid-value", at(place), { foreign }));
      continue;
    }
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) reportText(place, problem);
      continue;
    }
    if (typeof current === "number") {
      if (!Number.isFinite(current)) diagnostics.push(error("non-finite-number", at(place), { value: String(current), inExpression: frame.expression !== undefined }));
      const integer = oversizedInteger(current);
      if (integer !== undefined) diagnostics.push(error("integer-out-of-range", at(place), { value: integer, min: String(INT64_MIN), max: String(INT64_MAX) }));
      else if (Number.isInteger(current) && !Number.isSafeInteger(current)) diagnostics.push(warning("unsafe-integer", at(place), { value: String(BigInt(current)) }));
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    const ancestor = ancestors.get(current);
    if (ancestor) {
      diagnostics.push(error("cyclic-value", at(place), { sameAs: ancestor }));
      continue;
    }
    if (path.length > MAX_NESTING) {
      diagnostics.push(error("too-deep", at(place), { limit: MAX_NESTING }));
      continue;
    }
    const expression = frame.expression ?? (isNixExpression(current) ? path : undefined);
    const entries: [ObjectPathSegment, unknown][] = Array.isArray(current) ? arrayEntries(current) : Object.entries(current);
    const hole = Array.isArray(current) ? firstHole(current) : undefined;
    if (hole !== undefined) diagnostics.push(error("sparse-array", at(expression ?? [...path, hole]), { index: hole }));
    ancestors.set(current, path);
    stack.push({ value: undefined, path, exit: current });
    for (const [key] of entries) {
      const problem = typeof key === "string" ? textProblem(key) : undefined;
      if (problem) reportText(expression ?? [...path, key], problem, String(key));
    }
    // Pushed in reverse so the values' problems come out in the order they are written.
    const valueFields = isNixExpression(current) ? VALUE_FIELDS[current.kind] : undefined;
    for (const [key, inner] of entries.reverse()) {
      const innerPath = [...path, key];
      const strict = valueFields ? valueFields.includes(String(key)) : frame.strict === true;
      stack.push({ value: inner, path: innerPath, ...(expression ? { expression } : {}), ...(strict ? { strict } : {}) });
    }
  }
  return diagnostics;
};
