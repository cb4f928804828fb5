/**
 * Parse one definition file's default export with its schema, collecting every problem in it:
 * schema issues, with typeflake's messages, and private keys anywhere in it.
 */
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatObjectPath } from "../diagnostics/diagnostic.ts";
import { issueMessage } from "./issue-messages.ts";
import { issuesToDiagnostics } from "./issues.ts";
import { privateKeysIn } from "./private-keys.ts";
import type { SourceFile } from "./sources.ts";

/** The parsed configuration (only when the file has no problems) and the problems found. */
export interface ParsedDefinition<Config> {
  readonly config: Config | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validate `source.value` with `schema`. */
export const parseDefinition = <Schema extends z.ZodType>(
  schema: Schema,
  source: SourceFile,
): ParsedDefinition<z.output<Schema>> => {
  const result = schema.safeParse(source.value, { reportInput: true, error: issueMessage });
  const secrets = privateKeysIn(source.file, source.value);
  // A private key also fails the field's own check; its "never write keys in clear" message is the useful one.
  const secretPaths = new Set(secrets.map((diagnostic) => formatObjectPath(diagnostic.origin.objectPath)));
  const issues = result.success
    ? []
    : issuesToDiagnostics(schema, source.file, result.error.issues).filter((diagnostic) => !secretPaths.has(formatObjectPath(diagnostic.origin.objectPath)));
  const diagnostics = [...issues, ...secrets];
  return { config: result.success && diagnostics.length === 0 ? result.data : undefined, diagnostics };
};
