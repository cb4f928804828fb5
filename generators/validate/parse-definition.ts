/**
 * Parse one definition file's default export with its schema, collecting every problem in it:
 * schema issues, with typeflake's messages, and private keys anywhere in it.
 */
import type { z } from "zod";
import { error, formatObjectPath, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { issueMessage } from "./issue-messages.ts";
import { issuesToDiagnostics } from "./issues.ts";
import { invalidExpressionsIn } from "./expression-values.ts";
import { privateKeysIn } from "./private-keys.ts";
import type { SourceFile } from "./sources.ts";

/** The parsed configuration (only when the file has no problems) and the problems found. */
export interface ParsedDefinition<Config> {
  readonly config: Config | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Validate `source.value` with `schema`. A value that cannot even be walked (one that refers to
 * itself, a getter that throws) is reported like any other problem rather than crashing the run.
 */
export const parseDefinition = <Schema extends z.ZodType>(
  schema: Schema,
  source: SourceFile,
): ParsedDefinition<z.output<Schema>> => {
  try {
    return parseWalkable(schema, source);
  } catch (thrown) {
    const reason = thrown instanceof RangeError ? "it contains itself (an object or array that refers back to itself)" : String(thrown);
    return {
      config: undefined,
      diagnostics: [error("unreadable-value", { file: source.file, objectPath: [] }, `cannot be validated: ${reason}`)],
    };
  }
};

const parseWalkable = <Schema extends z.ZodType>(schema: Schema, source: SourceFile): ParsedDefinition<z.output<Schema>> => {
  const result = schema.safeParse(source.value, { reportInput: true, error: issueMessage });
  const secrets = [...privateKeysIn(source.file, source.value), ...invalidExpressionsIn(source.file, source.value)];
  // A private key also fails the field's own check; its "never write keys in clear" message is the useful one.
  const secretPaths = new Set(secrets.map((diagnostic) => formatObjectPath(diagnostic.origin.objectPath)));
  const issues = result.success
    ? []
    : issuesToDiagnostics(schema, source.file, result.error.issues).filter((diagnostic) => !secretPaths.has(formatObjectPath(diagnostic.origin.objectPath)));
  const diagnostics = [...issues, ...secrets];
  return { config: result.success && diagnostics.length === 0 ? result.data : undefined, diagnostics };
};
