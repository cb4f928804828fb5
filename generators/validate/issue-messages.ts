/**
 * The per-parse error map of typeflake's validation. typeflake words an issue from its fields
 * (`issues.ts`, `diagnostics/messages/schema.ts`), so the map gives every issue one marker
 * instead of words; an issue whose message is not the marker was worded by its schema (a zod
 * `error` option), and that sentence is shown as written.
 */
import type { z } from "zod";

const UNWORDED = "\u0000typeflake words this issue from its fields";

/**
 * Options for `safeParse`: inputs kept in issues (for "got …"), no words chosen yet, and zod's
 * interpreter rather than its compiled parsers. zod compiles a parser for each object schema
 * with `new Function` when it first parses with it: a tenth of a homelab `generate`'s
 * instructions (896 → 805 M), which no code cache can keep, and no faster over 1,000 hosts
 * (2.35–2.43 s against 2.41–2.47 s wall, alternated runs).
 */
export const PARSE_PARAMS = { reportInput: true, jitless: true, error: (): string => UNWORDED } as const;

/** The sentence the schema chose for `issue`, or undefined when it chose none. */
export const schemaWording = (issue: z.core.$ZodIssue): string | undefined => (issue.message === UNWORDED ? undefined : issue.message);
