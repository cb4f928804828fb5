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

const secretNamesOf = new WeakMap<object, ReadonlySet<string>>();

/**
 * Names of the secrets a configuration refers to with `secret(…)` or `secret(…).path`. Asked for
 * several times per host (its flake entry, its file, the secrets rules), and a shared module's
 * configuration once per host using it; the validated model is read-only, so each object is
 * walked once.
 */
export const secretNamesIn = (value: object): ReadonlySet<string> => {
  const known = secretNamesOf.get(value);
  if (known) return known;
  const names = new Set<string>();
  const visit = (inner: unknown): void => {
    if (typeof inner !== "object" || inner === null) return;
    if (isNixExpression(inner) && (inner.kind === "secret" || inner.kind === "secretPath")) names.add(inner.name);
    for (const item of Array.isArray(inner) ? inner : Object.values(inner)) visit(item);
  };
  visit(value);
  secretNamesOf.set(value, names);
  return names;
};
