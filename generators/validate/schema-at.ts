/**
 * Walk a zod schema along an issue's path, to learn what the schema accepts at that place: the
 * keys of an object (for "did you mean" and "valid keys are …").
 */
import type { z } from "zod";
import type { ObjectPathSegment } from "../diagnostics/diagnostic.ts";

type Schema = z.core.$ZodType;

/** Strip wrappers that do not change which keys or elements a value may have (optional, default, lazy, …). */
export const unwrap = (schema: Schema): Schema => {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return unwrap(def.innerType);
    case "lazy":
      return unwrap(def.getter());
    case "pipe":
      return unwrap(def.in);
    default:
      return schema;
  }
};

/** The schemas one step below `schema` (several when a union or intersection is crossed). */
const step = (schema: Schema, segment: ObjectPathSegment): Schema[] => {
  const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "object": {
      const field = typeof segment === "string" ? def.shape[segment] : undefined;
      return field ? [field] : def.catchall ? [def.catchall] : [];
    }
    case "record":
      return [def.valueType];
    case "array":
      return typeof segment === "number" ? [def.element] : [];
    case "tuple": {
      const item = typeof segment === "number" ? (def.items[segment] ?? def.rest) : undefined;
      return item ? [item] : [];
    }
    case "union":
      return def.options.flatMap((option) => step(option, segment));
    case "intersection":
      return [...step(def.left, segment), ...step(def.right, segment)];
    default:
      return [];
  }
};

/** Every schema that may validate the value at `path` below `root`. */
export const schemasAt = (root: Schema, path: readonly ObjectPathSegment[]): Schema[] =>
  path.reduce<Schema[]>((schemas, segment) => schemas.flatMap((schema) => step(schema, segment)), [root]);

/** Keys of an object schema, following unions and intersections (each key once, sorted). */
const objectKeys = (schema: Schema): string[] => {
  const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "object":
      return Object.keys(def.shape);
    case "union":
      return def.options.flatMap(objectKeys);
    case "intersection":
      return [...objectKeys(def.left), ...objectKeys(def.right)];
    default:
      return [];
  }
};

/** The keys an object written at `path` below `root` may have, sorted; empty when none are known. */
export const validKeysAt = (root: Schema, path: readonly ObjectPathSegment[]): string[] =>
  [...new Set(schemasAt(root, path).flatMap(objectKeys))].sort();
