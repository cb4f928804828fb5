/**
 * Expression values (`secret("k")`, `host("nas")`, `unstablePkg("x")`) found in a configuration,
 * each reported at the path where the user wrote the outermost expression: for
 * `nixos: { a: mkForce(secret("k")) }` that is `nixos.a`, not `nixos.a.value`.
 */
import type { NixExpression } from "../../dsl/expressions.ts";
import type { ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import { expressionsIn } from "../model/walk.ts";

/** An expression value and the path the user wrote it at. */
export interface WrittenExpression {
  readonly expression: NixExpression;
  readonly path: readonly ObjectPathSegment[];
}

const startsWith = (path: readonly ObjectPathSegment[], prefix: readonly ObjectPathSegment[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

/** Every expression inside `value`, outermost first, at the path of its outermost enclosing expression. */
export const writtenExpressions = (value: unknown): WrittenExpression[] => {
  // expressionsIn yields an expression before the ones nested in it, so roots are seen first.
  const roots: (readonly ObjectPathSegment[])[] = [];
  return expressionsIn(value).map(({ expression, path }) => {
    const root = roots.find((candidate) => startsWith(path, candidate));
    if (root === undefined) roots.push(path);
    return { expression, path: root ?? path };
  });
};
