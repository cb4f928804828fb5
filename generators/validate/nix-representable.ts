/**
 * Values Nix cannot hold, found in a definition before its schema is applied: text with a NUL
 * character or a lone UTF-16 surrogate (in values and in attribute names), integers beyond 64
 * bits, NaN and infinities (also inside expressions such as `mkOverride(NaN, …)`, which no schema
 * parses), values nested deeper than any configuration needs, and values that contain themselves.
 *
 * The walk is iterative, so a value nested thousands of levels deep is reported, not a stack
 * overflow; a shared object seen twice is fine, only an object inside itself is a cycle.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { error, formatObjectPath, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";

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
export const textProblem = (text: string): { readonly code: string; readonly reason: string } | undefined => {
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    return {
      code: "nul-character",
      reason: `contains a NUL character (\\u0000) at index ${nul}, which Nix strings cannot hold; remove it`,
    };
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const unit = lone[0].charCodeAt(0).toString(16).toUpperCase();
    return {
      code: "lone-surrogate",
      reason:
        `contains a lone UTF-16 surrogate (\\u${unit}) at index ${lone.index}: half of a character, ` +
        "which has no UTF-8 encoding and cannot be written to a Nix file; keep both halves of the character or remove it",
    };
  }
  return undefined;
};

/** Why an integer cannot be a Nix integer, or undefined when it can (or is not an integer). */
const integerProblem = (value: number): string | undefined => {
  if (!Number.isInteger(value)) return undefined;
  const big = BigInt(value);
  if (big >= INT64_MIN && big <= INT64_MAX) return undefined;
  return (
    `is the integer ${big}, outside Nix's signed 64-bit integers ` +
    `(${INT64_MIN} to ${INT64_MAX}); use a smaller number, or a string`
  );
};

interface Frame {
  readonly value: unknown;
  readonly path: readonly ObjectPathSegment[];
  /** Path of the outermost expression value this one is inside (problems are reported there). */
  readonly expression?: readonly ObjectPathSegment[];
  /** Set when the frame closes an object: it leaves the chain of ancestors. */
  readonly exit?: object;
}

/** Every problem of `value` (a definition's default export) that Nix could not represent. */
export const unrepresentableValues = (file: string, value: unknown): Diagnostic[] => {
  const diagnostics: Diagnostic[] = [];
  const report = (path: readonly ObjectPathSegment[], code: string, message: string) =>
    diagnostics.push(error(code, { file, objectPath: path }, message));
  const ancestors = new Map<object, readonly ObjectPathSegment[]>();
  const stack: Frame[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      ancestors.delete(frame.exit);
      continue;
    }
    const { value: current, path } = frame;
    const at = frame.expression ?? path;
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) report(at, problem.code, `the text ${problem.reason}`);
      continue;
    }
    if (typeof current === "number") {
      const problem = Number.isFinite(current)
        ? integerProblem(current)
        : `is the number ${current}, which Nix cannot write (it has no NaN or infinity); use a finite number` +
          (frame.expression ? " (mkOverride and mkOrder take an integer priority, such as 50 or 1000)" : "");
      if (problem) report(at, Number.isFinite(current) ? "integer-out-of-range" : "non-finite-number", problem);
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    const ancestor = ancestors.get(current);
    if (ancestor) {
      report(
        at,
        "cyclic-value",
        `contains itself: it is the same object as ${ancestor.length ? formatObjectPath(ancestor) : "the whole definition"}, ` +
          "and Nix values cannot refer to themselves; write a copy of the part you need instead",
      );
      continue;
    }
    if (path.length > MAX_NESTING) {
      report(
        at,
        "too-deep",
        `is nested more than ${MAX_NESTING} levels deep; typeflake writes at most ${MAX_NESTING} levels of ` +
          "objects and arrays (no NixOS option needs more): flatten the value, or compute it in Nix with nix`…`",
      );
      continue;
    }
    const expression = frame.expression ?? (isNixExpression(current) ? path : undefined);
    const entries: [ObjectPathSegment, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    ancestors.set(current, path);
    stack.push({ value: undefined, path, exit: current });
    for (const [key] of entries) {
      const problem = typeof key === "string" ? textProblem(key) : undefined;
      if (problem) report(expression ?? [...path, key], problem.code, `the attribute name ${JSON.stringify(key)} ${problem.reason}`);
    }
    // Pushed in reverse so the values' problems come out in the order they are written.
    for (const [key, inner] of entries.reverse()) {
      const innerPath = [...path, key];
      stack.push(expression ? { value: inner, path: innerPath, expression } : { value: inner, path: innerPath });
    }
  }
  return diagnostics;
};
