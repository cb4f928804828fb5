/**
 * What a definition stands for once its wrappers are taken off, for the checks that look inside
 * values without weighing priorities (those that do are `definition-conflicts.ts`').
 */
import { isNixExpression } from "../../dsl/expressions.ts";

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
