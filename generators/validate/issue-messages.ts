/**
 * Messages for zod issues whose schema did not choose its own (a schema's `error` always wins).
 * Installed per parse, so the dsl schemas stay usable with zod's stock messages elsewhere. Every
 * message says what would be valid and what was given.
 */
import type { z } from "zod";
import { describeValue } from "./describe-value.ts";

const EXPECTED: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  bigint: "a bigint",
  null: "null",
  undefined: "undefined",
  array: "an array",
  tuple: "an array",
  object: "an object",
  record: "an object",
  function: "a function",
  date: "a Date",
};

/**
 * The message unions get unless their schema chose one; issues.ts replaces it with what the
 * branches say, and keeps a schema's own.
 */
export const UNION_MESSAGE = "matches none of the accepted forms";

/** "a string", "an integer", … for zod's `expected` names. */
export const expectedText = (expected: string): string => EXPECTED[expected] ?? expected;

const got = (input: unknown): string => `got ${describeValue(input)}`;

const sizeOf = (input: unknown): string =>
  typeof input === "string" || Array.isArray(input) ? String(input.length) : describeValue(input);

const bound = (origin: string, limit: number | bigint, inclusive: boolean | undefined, side: "min" | "max"): string => {
  const word = side === "min" ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
  if (origin === "string") return `${word} ${limit} characters long`;
  if (origin === "array" || origin === "set") return `${word} ${limit} items`;
  return `${word} ${limit}`;
};

/** The message for `issue`, or undefined to keep zod's (only for issues typeflake rewrites anyway). */
export const issueMessage = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${expectedText(issue.expected)}, ${got(issue.input)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      if (issue.origin === "array" && Number(issue.minimum) === 1) return "must list at least one item";
      return `must be ${bound(issue.origin, issue.minimum, issue.inclusive, "min")}, got ${sizeOf(issue.input)}`;
    case "too_big":
      return `must be ${bound(issue.origin, issue.maximum, issue.inclusive, "max")}, got ${sizeOf(issue.input)}`;
    case "invalid_format":
      return issue.pattern
        ? `must match ${issue.pattern}, ${got(issue.input)}`
        : `must be a valid ${issue.format}, ${got(issue.input)}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}, ${got(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${describeValue(issue.values[0])}, ${got(issue.input)}`
        : `must be one of ${issue.values.map(describeValue).join(", ")}; ${got(issue.input)}`;
    case "custom":
      return `is not valid, ${got(issue.input)}`;
    case "invalid_union":
      return UNION_MESSAGE;
    default:
      // Unknown keys and record keys are rewritten from their parts (see issues.ts).
      return undefined;
  }
};
