/**
 * The structured option type (`option-type.ts`) as a zod schema, for an `index.json` typeflake
 * did not just write: a fleet's committed one may have been edited by hand or damaged. Nesting is
 * measured first without recursion, so a hand-made type nested a million levels deep is a
 * problem in the file instead of a stack overflow in the checker.
 */
import { z } from "zod";
import type { OptionType } from "./option-type.ts";

/**
 * The deepest nesting accepted, in JSON levels (a type nests two levels per type: the type and
 * its `of` list or field). nixpkgs' types nest a few levels; the type parser gives up at 64.
 */
const MAX_TYPE_DEPTH = 256;

/** How deeply `value` nests (objects and arrays), counted without recursion; stops past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

const base = { name: z.string().optional(), checks: z.array(z.string()).optional() };
const bound = z.number().optional();

const optionType: z.ZodType<OptionType> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("any"), unknown: z.string().optional(), ...base }),
    z.strictObject({ kind: z.literal("bool"), ...base }),
    z.strictObject({ kind: z.literal("int"), min: bound, max: bound, ...base }),
    z.strictObject({ kind: z.literal("float"), min: bound, max: bound, ...base }),
    z.strictObject({
      kind: z.literal("string"),
      pattern: z.string().optional(),
      separator: z.string().optional(),
      ...base,
    }),
    z.strictObject({ kind: z.literal("path"), inStore: z.boolean().optional(), ...base }),
    z.strictObject({ kind: z.literal("package"), ...base }),
    z.strictObject({ kind: z.literal("null"), ...base }),
    z.strictObject({ kind: z.literal("enum"), values: z.array(z.union([z.string(), z.number(), z.boolean()])), ...base }),
    z.strictObject({ kind: z.literal("list"), of: optionType, nonEmpty: z.boolean().optional(), ...base }),
    z.strictObject({ kind: z.literal("attrs"), of: optionType, lazy: z.boolean().optional(), ...base }),
    z.strictObject({ kind: z.literal("submodule"), freeform: optionType.optional(), ...base }),
    z.strictObject({ kind: z.literal("either"), of: z.array(optionType).min(2), coerced: z.boolean().optional(), ...base }),
    z.strictObject({ kind: z.literal("function"), returns: optionType, ...base }),
    z.strictObject({ kind: z.literal("opaque"), name: z.string(), checks: base.checks }),
  ]),
) as z.ZodType<OptionType>;

/** What is wrong with how deeply `value` nests, if anything. */
const typeDepthProblem = (value: unknown): string | undefined =>
  nestingDepth(value, MAX_TYPE_DEPTH) > MAX_TYPE_DEPTH
    ? `the type nests more than ${MAX_TYPE_DEPTH} levels deep; no NixOS type does`
    : undefined;

/** Check one structured type (nesting first): the type, or what is wrong with it. */
export function readOptionType(value: unknown): { ok: true; type: OptionType } | { ok: false; message: string } {
  const tooDeep = typeDepthProblem(value);
  if (tooDeep !== undefined) return { ok: false, message: tooDeep };
  const result = optionType.safeParse(value);
  if (result.success) return { ok: true, type: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join(".")}` : "";
  return { ok: false, message: `not a structured option type${where}: ${issue?.message ?? "invalid"}` };
}
