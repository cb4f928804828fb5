/**
 * What a definition stands for once its wrappers are taken off, for the checks that look inside
 * values without weighing priorities (those that do are `definition-conflicts.ts`').
 */
import { type Conditional, isNixExpression, type Merge, type Order, type Override } from "../../dsl/expressions.ts";

/** Whether `value` is an mk* wrapper (mkOverride, mkOrder, mkIf, mkMerge and their named forms), not a value. */
export const isWrapper = (value: unknown): value is Override | Order | Conditional | Merge =>
  isNixExpression(value) && (value.kind === "override" || value.kind === "order" || value.kind === "if" || value.kind === "merge");

/** The values a definition stands for, through mkForce/mkDefault/mkIf/mkMerge/mkBefore/mkAfter. */
export const definedValues = (value: unknown): unknown[] => {
  if (!isNixExpression(value)) return [value];
  switch (value.kind) {
    case "override":
    case "order":
    case "if":
      return definedValues(value.value);
    case "merge":
      return value.values.flatMap(definedValues);
    default:
      return [value];
  }
};
