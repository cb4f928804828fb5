/**
 * Secrets are never written in clear: any string anywhere in a definition that holds a private
 * key is an error, whatever field it is in (a description, a script, a raw NixOS option).
 */
import { looksLikePrivateKey } from "../../dsl/checks.ts";
import { isNixExpression } from "../../dsl/expressions.ts";
import { error, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";

/**
 * Call `found` with the path of each string inside `value` that holds a private key; inside an
 * expression value, at the expression's path. One walk over a shared path stack, copied only
 * where a key is found: every definition file is walked whole.
 */
const visitKeys = (value: unknown, found: (path: readonly ObjectPathSegment[]) => void): void => {
  const path: ObjectPathSegment[] = [];
  const visit = (inner: unknown, expressionPath: readonly ObjectPathSegment[] | undefined): void => {
    if (typeof inner === "string") {
      if (looksLikePrivateKey(inner)) found(expressionPath ?? [...path]);
      return;
    }
    if (typeof inner !== "object" || inner === null) return;
    const inExpression = expressionPath ?? (isNixExpression(inner) ? [...path] : undefined);
    if (Array.isArray(inner)) {
      for (let index = 0; index < inner.length; index++) {
        path.push(index);
        visit(inner[index], inExpression);
        path.pop();
      }
      return;
    }
    for (const key in inner) {
      if (!Object.hasOwn(inner, key)) continue;
      path.push(key);
      visit((inner as Record<string, unknown>)[key], inExpression);
      path.pop();
    }
  };
  visit(value, undefined);
};

/** One diagnostic per string in `value` that holds a private key. */
export const privateKeysIn = (file: string, value: unknown): Diagnostic[] => {
  const diagnostics: Diagnostic[] = [];
  visitKeys(value, (objectPath) => diagnostics.push(error("private-key", { file, objectPath }, { key: "key-block" })));
  return diagnostics;
};
