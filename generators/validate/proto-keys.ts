/**
 * An attribute named `__proto__`: a valid Nix name (a raw `nixos` block may set one), but zod
 * leaves it out of a record's parsed output, because assigning it to a plain object would replace
 * the object's prototype. Where the schema takes any Nix value (the `nixos` and `homeManager`
 * blocks), the attribute is validated and defined back as an own property; anywhere else the key
 * is reported, so it is never dropped in silence.
 */
import type { z } from "zod";
import { isNixExpression } from "../../dsl/expressions.ts";
import { nixValue } from "../../dsl/values.ts";
import { error, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import { PARSE_PARAMS } from "./issue-messages.ts";
import { issuesToDiagnostics } from "./issues.ts";
import { schemasAt } from "./schema-at.ts";

const PROTO = "__proto__";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** Put one dropped `__proto__` attribute back into `output`, or say why it cannot be. */
const restoreOne = (
  root: z.core.$ZodType,
  file: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  path: readonly ObjectPathSegment[],
  base: readonly ObjectPathSegment[],
): Diagnostic[] => {
  const at = [...path, PROTO];
  if (!schemasAt(root, at.slice(base.length)).includes(nixValue)) {
    return [
      error("invalid-key", { file, objectPath: at }, { reserved: PROTO }),
    ];
  }
  const parsed = nixValue.safeParse(input[PROTO], PARSE_PARAMS);
  if (!parsed.success) {
    return issuesToDiagnostics(nixValue, file, parsed.error.issues).map((diagnostic) => ({
      ...diagnostic,
      origin: { ...diagnostic.origin, objectPath: [...at, ...diagnostic.origin.objectPath] },
    }));
  }
  Object.defineProperty(output, PROTO, { value: parsed.data, enumerable: true, writable: true, configurable: true });
  return restoreProtoKeys(nixValue, file, input[PROTO], parsed.data, at);
};

/**
 * Restore every `__proto__` attribute of `input` that parsing with `root` left out of `output`
 * (mutating `output`, the fresh parse result), returning the problems found.
 */
export const restoreProtoKeys = (
  root: z.core.$ZodType,
  file: string,
  input: unknown,
  output: unknown,
  base: readonly ObjectPathSegment[] = [],
): Diagnostic[] => {
  const diagnostics: Diagnostic[] = [];
  // One shared path, copied only where a `__proto__` key is found: the walk meets every value.
  const path: ObjectPathSegment[] = [...base];
  const visit = (inner: unknown, parsed: unknown): void => {
    if (Array.isArray(inner) && Array.isArray(parsed)) {
      for (let index = 0; index < inner.length; index++) {
        path.push(index);
        visit(inner[index], parsed[index]);
        path.pop();
      }
      return;
    }
    if (!isPlainObject(inner) || !isPlainObject(parsed)) return;
    if (Object.hasOwn(inner, PROTO) && !Object.hasOwn(parsed, PROTO))
      diagnostics.push(...restoreOne(root, file, inner, parsed, [...path], base));
    for (const key of Object.keys(inner)) {
      if (key === PROTO || !Object.hasOwn(parsed, key)) continue;
      path.push(key);
      visit(inner[key], parsed[key]);
      path.pop();
    }
  };
  visit(input, output);
  return diagnostics;
};
