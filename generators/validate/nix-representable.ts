/**
 * Values Nix cannot hold, found in a definition before its schema is applied: text with a NUL
 * character or a lone UTF-16 surrogate (in values and in attribute names), integers beyond 64
 * bits (and, as a warning, integers JavaScript may have rounded), NaN and infinities (also inside expressions such as `mkOverride(NaN, …)`, which no schema
 * parses), floats too small for Nix to read back (subnormal, below 2.2250738585072014e-308), arrays with an empty slot (`[a, , b]`, or `new Array(1e9)`), binary data (a typed
 * array, a Buffer), values nested deeper than any configuration needs, and values that contain
 * themselves. Other objects made by a class are left to the schema (one with the fields it asks
 * for is as good as a plain object), except inside expressions, where no schema looks.
 *
 * The walk stops at the nesting bound, so a value nested thousands of levels deep is reported, not
 * a stack overflow; a shared object seen twice is fine, only an object inside itself is a cycle. It
 * visits a sparse array's elements only, never its empty slots, so a huge length costs nothing.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { MIN_NORMAL_FLOAT } from "../nix/escape.ts";
import { malformedExpression } from "./expression-shape.ts";
import { classInstanceKind, describeValue, hasBorrowedPrototype } from "../diagnostics/describe-value.ts";
import type { TextProblem } from "../diagnostics/codes/validate.ts";
import { error, warning, type Diagnostic, type ObjectPathSegment, type SourceOrigin } from "../diagnostics/diagnostic.ts";

/**
 * The deepest nesting of objects and arrays a definition may have. NixOS options are a dozen
 * levels deep at most; the bound keeps every later stage (schema, lowering, printer, locator)
 * far from the JavaScript stack limit.
 */
export const MAX_NESTING = 100;

/**
 * The problems that leave a value the schema cannot walk: a cycle or a value nested too deep would
 * overflow its recursion, it visits every slot of a sparse array up to the array's length, and
 * every key of a typed array; a later check that reads an expression's fields (`mkMerge`'s list)
 * would throw on one a cast gave the wrong type.
 */
export const UNWALKABLE: ReadonlySet<string> = new Set(["cyclic-value", "too-deep", "sparse-array", "binary-data", "invalid-expression"]);

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

const PLAIN_OBJECT = "an object literal whose entries are its own";

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
    case "object":
      return value === null ? undefined : classInstanceKind(value);
    default:
      return undefined;
  }
};

/** The index of an array's first empty slot, if it has one: found within as many steps as it has elements, whatever its length. */
const firstHole = (array: readonly unknown[]): number | undefined => {
  for (let index = 0; index < array.length; index++) if (!(index in array)) return index;
  return undefined;
};

/** An array index as `Object.keys` lists it (`"0"`, `"17"`), as opposed to another property of the array. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The indices of an array's elements. A sparse array's come from its keys: `new Array(1e9)` has
 * no element, and counting up to its length would take minutes.
 */
const elementIndices = (array: readonly unknown[], sparse: boolean): Iterable<number> =>
  sparse ? Object.keys(array).flatMap((key) => (ARRAY_INDEX.test(key) && Number(key) < array.length ? [Number(key)] : [])) : array.keys();

/**
 * Every problem of `value` (a definition's default export) that Nix could not represent, in the
 * order they are written. One walk over a shared path, copied only where a problem is reported:
 * the walk meets every value of every definition, and copying a path per value was its largest
 * cost (on 1,000 hosts, 39 MB of garbage of a cold run's 610 MB).
 */
export const unrepresentableValues = (file: string, value: unknown): Diagnostic[] => {
  const diagnostics: Diagnostic[] = [];
  const path: ObjectPathSegment[] = [];
  /** Each object being walked → the length of the path it is at (its own path is that much of `path`). */
  const ancestors = new Map<object, number>();
  const at = (objectPath: readonly ObjectPathSegment[]): SourceOrigin => ({ file, objectPath });
  const reportText = (place: readonly ObjectPathSegment[], { code, ...fields }: TextProblem, key?: string) =>
    diagnostics.push(error(code, at(place), { ...fields, ...(key === undefined ? {} : { key }) }));

  /**
   * `current`, at `path`. `strict`: inside a value field of an expression, where only Nix values
   * may be. `expression`: the length of the path of the outermost expression value it is inside,
   * where its problems are reported.
   */
  const visit = (current: unknown, strict: boolean, expression: number | undefined): void => {
    const place = (): ObjectPathSegment[] => path.slice(0, expression ?? path.length);
    const foreign = strict ? foreignKind(current) : undefined;
    if (foreign) {
      diagnostics.push(error("invalid-value", at(place()), { foreign }));
      return;
    }
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) reportText(place(), problem);
      return;
    }
    if (typeof current === "number") {
      if (!Number.isFinite(current)) diagnostics.push(error("non-finite-number", at(place()), { value: String(current), inExpression: expression !== undefined }));
      else if (current !== 0 && Math.abs(current) < MIN_NORMAL_FLOAT) diagnostics.push(error("subnormal-float", at(place()), { value: String(current), min: String(MIN_NORMAL_FLOAT) }));
      const integer = oversizedInteger(current);
      if (integer !== undefined) diagnostics.push(error("integer-out-of-range", at(place()), { value: integer, min: String(INT64_MIN), max: String(INT64_MAX) }));
      else if (Number.isInteger(current) && !Number.isSafeInteger(current)) diagnostics.push(warning("unsafe-integer", at(place()), { value: String(BigInt(current)) }));
      return;
    }
    if (typeof current !== "object" || current === null) return;
    // `{ "__proto__": { a: 1 } }` has no key `a`: the schema would see an empty object and drop `a` in silence.
    if (hasBorrowedPrototype(current) && !isNixExpression(current)) {
      diagnostics.push(error("invalid-value", at(place()), { expected: [{ kind: "form", expected: PLAIN_OBJECT }], got: describeValue(current) }));
      return;
    }
    // Binary data (a typed array, a Buffer): no schema takes it, and it has a key per byte.
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) {
      diagnostics.push(error("binary-data", at(place()), { kind: classInstanceKind(current) ?? "binary data" }));
      return;
    }
    const ancestor = ancestors.get(current);
    if (ancestor !== undefined) {
      diagnostics.push(error("cyclic-value", at(place()), { sameAs: path.slice(0, ancestor) }));
      return;
    }
    // The bound also bounds this recursion: a value nested thousands of levels deep is reported here.
    if (path.length > MAX_NESTING) {
      diagnostics.push(error("too-deep", at(place()), { limit: MAX_NESTING }));
      return;
    }
    const malformed = isNixExpression(current) ? malformedExpression(current) : undefined;
    if (malformed) {
      diagnostics.push(error("invalid-expression", at(place()), malformed));
      return;
    }
    const inside = expression ?? (isNixExpression(current) ? path.length : undefined);
    // An expression's other fields are its own data (a host handle's `port` method), not values.
    const valueFields = isNixExpression(current) ? (VALUE_FIELDS[current.kind] ?? []) : undefined;
    const strictAt = (key: ObjectPathSegment): boolean => (valueFields ? valueFields.includes(String(key)) : strict);
    ancestors.set(current, path.length);
    if (Array.isArray(current)) {
      const hole = firstHole(current);
      if (hole !== undefined) diagnostics.push(error("sparse-array", at(inside === undefined ? [...path, hole] : path.slice(0, inside)), { index: hole }));
      for (const index of elementIndices(current, hole !== undefined)) {
        path.push(index);
        visit(current[index], strictAt(index), inside);
        path.pop();
      }
    } else {
      const keys = Object.keys(current);
      for (const key of keys) {
        const problem = textProblem(key);
        if (problem) reportText(inside === undefined ? [...path, key] : path.slice(0, inside), problem, key);
      }
      for (const key of keys) {
        path.push(key);
        visit((current as Record<string, unknown>)[key], strictAt(key), inside);
        path.pop();
      }
    }
    ancestors.delete(current);
  };

  visit(value, false, undefined);
  return diagnostics;
};
