/**
 * Parse one definition file's default export with its schema, collecting every problem in it:
 * schema issues, with typeflake's messages, and private keys anywhere in it.
 */
import { thrownText } from "../diagnostics/thrown-text.ts";
import type { z } from "zod";
import { error, formatObjectPath, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { PARSE_PARAMS } from "./issue-messages.ts";
import { issuesToDiagnostics } from "./issues.ts";
import { clearTextSecretsIn } from "./clear-text-secrets.ts";
import { invalidExpressionsIn } from "./expression-values.ts";
import { UNWALKABLE, unrepresentableValues } from "./nix-representable.ts";
import { restoreProtoKeys } from "./proto-keys.ts";
import { throwingPath } from "./throwing-path.ts";
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
    // Cycles, deep nesting and sparse arrays are reported before parsing (nix-representable.ts); what is left is a getter that throws.
    const reason = thrownText(thrown);
    return {
      config: undefined,
      diagnostics: [error("unreadable-value", { file: source.file, objectPath: throwingPath(source.value) ?? [] }, { reason })],
    };
  }
};

const parseWalkable = <Schema extends z.ZodType>(schema: Schema, source: SourceFile): ParsedDefinition<z.output<Schema>> => {
  const unrepresentable = unrepresentableValues(source.file, source.value);
  // Nothing more to check in a value the schema cannot walk.
  if (unrepresentable.some((d) => UNWALKABLE.has(d.code))) return { config: undefined, diagnostics: unrepresentable };
  const result = schema.safeParse(source.value, PARSE_PARAMS);
  const restored = result.success ? restoreProtoKeys(schema, source.file, source.value, result.data) : [];
  const secrets = [...unrepresentable, ...restored, ...privateKeysIn(source.file, source.value), ...clearTextSecretsIn(source.file, source.value), ...invalidExpressionsIn(source.file, source.value)];
  // A private key also fails the field's own check; its "never write keys in clear" message is the useful one.
  // Only an error stands in for the schema's: beside a warning (an integer beyond 2^53), the schema's error is the one refusing the file.
  const secretPaths = new Set(
    secrets.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => formatObjectPath(diagnostic.origin.objectPath)),
  );
  const issues = result.success
    ? []
    : issuesToDiagnostics(schema, source.file, result.error.issues).filter((diagnostic) => !secretPaths.has(formatObjectPath(diagnostic.origin.objectPath)));
  // A warning where the schema refuses the value anyway ("may have been rounded") is beside the point.
  const issuePaths = new Set(issues.map((diagnostic) => formatObjectPath(diagnostic.origin.objectPath)));
  const diagnostics = [...issues, ...secrets.filter((diagnostic) => diagnostic.severity === "error" || !issuePaths.has(formatObjectPath(diagnostic.origin.objectPath)))];
  // Warnings (an integer JavaScript may have rounded) keep the configuration.
  return { config: result.success && !diagnostics.some((diagnostic) => diagnostic.severity === "error") ? result.data : undefined, diagnostics };
};
