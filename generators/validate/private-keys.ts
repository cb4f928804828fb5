/**
 * Secrets are never written in clear: any string anywhere in a definition that holds a private
 * key is an error, whatever field it is in (a description, a script, a raw NixOS option).
 */
import { looksLikePrivateKey } from "../../dsl/checks.ts";
import { isNixExpression } from "../../dsl/expressions.ts";
import { error, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";

/** Strings inside `value`; inside an expression value, reported at the expression's path. */
function* stringsIn(
  value: unknown,
  path: readonly ObjectPathSegment[],
  expressionPath?: readonly ObjectPathSegment[],
): Generator<{ readonly text: string; readonly path: readonly ObjectPathSegment[] }> {
  if (typeof value === "string") yield { text: value, path: expressionPath ?? path };
  if (typeof value !== "object" || value === null) return;
  const inExpression = expressionPath ?? (isNixExpression(value) ? path : undefined);
  const entries: [ObjectPathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, inner] of entries) yield* stringsIn(inner, [...path, key], inExpression);
}

/** One diagnostic per string in `value` that holds a private key. */
export const privateKeysIn = (file: string, value: unknown): Diagnostic[] =>
  [...stringsIn(value, [])]
    .filter(({ text }) => looksLikePrivateKey(text))
    .map(({ path }) => error("private-key", { file, objectPath: path }, { key: "key-block" }));
