/**
 * A definition that failed its schema, cut down to the parts that pass: each failing value is
 * removed (a whole list when one item fails, so the indices of the rest keep pointing at what was
 * written) until the rest parses. The checks that only ever find fewer problems in less input
 * (references, port claims, raw option names) run on what is left, so one run reports them beside
 * the schema errors instead of after the schema errors are fixed.
 */
import type { z } from "zod";
import { isNixExpression } from "../../dsl/expressions.ts";

/** Rounds of cutting before giving up (each round removes at least one value). */
const MAX_ROUNDS = 8;

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** `value` without the property at `path`; only the objects along the path are copied. */
const without = (value: unknown, path: readonly string[]): unknown => {
  const [head, ...rest] = path;
  if (head === undefined || !isPlainObject(value) || !Object.hasOwn(value, head)) return value;
  const copy: Record<string, unknown> = { ...value };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(value[head], rest);
  return copy;
};

/** The property to remove for an issue at `path`: the list holding an item, not the item. */
const cutAt = (path: readonly PropertyKey[]): string[] => {
  const index = path.findIndex((segment) => typeof segment !== "string");
  return (index < 0 ? path : path.slice(0, index)) as string[];
};

const cutsOf = (issue: z.core.$ZodIssue): string[][] =>
  issue.code === "unrecognized_keys"
    ? issue.keys.map((key) => [...cutAt(issue.path), key])
    : [cutAt(issue.path)];

/**
 * What is left of `value` once every part `schema` refuses is cut away, parsed; undefined when
 * the definition cannot be saved (a required key is wrong, or the whole object is).
 */
export const pruneToValid = <Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> | undefined => {
  let current = value;
  const removed = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(current);
    if (result.success) return result.data;
    // A required key that was cut takes the object holding it along.
    const cuts = result.error.issues.flatMap(cutsOf).map((path) => (removed.has(path.join("\0")) ? path.slice(0, -1) : path));
    // A refusal of the whole object: nothing to save.
    if (cuts.some((path) => path.length === 0)) return undefined;
    for (const path of cuts) {
      removed.add(path.join("\0"));
      current = without(current, path);
    }
  }
  return undefined;
};
