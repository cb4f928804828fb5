/**
 * Find typeflake expression values (secret and host references, packages, …) anywhere inside a
 * validated configuration object, with the object path they were written at.
 */
import { isNixExpression, type NixExpression } from "../../dsl/expressions.ts";
import type { ObjectPathSegment } from "../diagnostics/diagnostic.ts";

/** Every expression value inside `value`, outermost first, with its path below `value`. */
export function* expressionsIn(
  value: unknown,
  path: readonly ObjectPathSegment[] = [],
): Generator<{ readonly expression: NixExpression; readonly path: readonly ObjectPathSegment[] }> {
  if (typeof value !== "object" || value === null) return;
  if (isNixExpression(value)) {
    yield { expression: value, path };
    for (const [key, inner] of Object.entries(value)) yield* expressionsIn(inner, [...path, key]);
    return;
  }
  const entries: [ObjectPathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, inner] of entries) yield* expressionsIn(inner, [...path, key]);
}

/** Names of the secrets a configuration refers to with `secret(…)` or `secret(…).path`. */
export const secretNamesIn = (value: unknown): Set<string> => {
  const names = new Set<string>();
  for (const { expression } of expressionsIn(value)) {
    if (expression.kind === "secret" || expression.kind === "secretPath") names.add(expression.name);
  }
  return names;
};
