/**
 * The per-parse error map of typeflake's validation. typeflake words an issue from its fields
 * (`issues.ts`, `diagnostics/messages/schema.ts`), so the map gives every issue one marker
 * instead of words; an issue whose message is not the marker was worded by its schema (a zod
 * `error` option), and that sentence is shown as written.
 */
import type { z } from "zod";

const UNWORDED = "\u0000typeflake words this issue from its fields";

/** Options for `safeParse`: inputs kept in issues (for "got …"), no words chosen yet. */
export const PARSE_PARAMS = { reportInput: true, error: (): string => UNWORDED } as const;

/** The sentence the schema chose for `issue`, or undefined when it chose none. */
export const schemaWording = (issue: z.core.$ZodIssue): string | undefined => (issue.message === UNWORDED ? undefined : issue.message);
