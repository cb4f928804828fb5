/**
 * What a definition stands for once its wrappers are taken off, for the checks that look inside
 * values without weighing priorities (those that do are `definition-conflicts.ts`').
 */
import { type Conditional, isNixExpression, type Merge, type Order, type Override } from "../../dsl/expressions.ts";

/** Whether `value` is an mk* wrapper (mkOverride, mkOrder, mkIf, mkMerge and their named forms), not a value. */
export const isWrapper = (value: unknown): value is Override | Order | Conditional | Merge =>
  isNixExpression(value) && (value.kind === "override" || value.kind === "order" || value.kind === "if" || value.kind === "merge");

/**
 * The values a definition stands for, through mkForce/mkDefault/mkIf/mkMerge/mkBefore/mkAfter;
 * with `applied`, without the content of `mkIf(false, …)`, which NixOS drops before any type sees
 * it (a clear-text secret there is still written to the repository, so other checks keep it).
 */
export const definedValues = (value: unknown, applied = false): unknown[] => {
  if (!isNixExpression(value)) return [value];
  switch (value.kind) {
    case "if":
      return applied && value.condition === false ? [] : definedValues(value.value, applied);
    case "override":
    case "order":
      return definedValues(value.value, applied);
    case "merge":
      return value.values.flatMap((inner) => definedValues(inner, applied));
    default:
      return [value];
  }
};
