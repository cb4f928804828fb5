/**
 * Find typeflake expression values (secret and host references, packages, …) anywhere inside a
 * validated configuration object, with the object path they were written at.
 */
import { isNixExpression, type NixExpression } from "../../dsl/expressions.ts";
import type { ObjectPathSegment } from "../diagnostics/diagnostic.ts";

/** An expression value and the path it was found at. */
export interface FoundExpression {
  readonly expression: NixExpression;
  readonly path: readonly ObjectPathSegment[];
}

/**
 * Every expression value inside `value`, outermost first, with its path below `value`. One walk
 * over a shared path stack: a path is copied only where an expression is found, since the model
 * walks run over every host's whole configuration several times per run.
 */
export const expressionsIn = (value: unknown): FoundExpression[] => {
  const found: FoundExpression[] = [];
  const path: ObjectPathSegment[] = [];
  const visit = (inner: unknown): void => {
    if (typeof inner !== "object" || inner === null) return;
    if (isNixExpression(inner)) found.push({ expression: inner, path: [...path] });
    if (Array.isArray(inner)) {
      for (let index = 0; index < inner.length; index++) {
        path.push(index);
        visit(inner[index]);
        path.pop();
      }
      return;
    }
    for (const key in inner) {
      if (!Object.hasOwn(inner, key)) continue;
      path.push(key);
      visit((inner as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
  return found;
};
