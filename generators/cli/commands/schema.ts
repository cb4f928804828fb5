/**
 * `typeflake schema [kind]`: print the JSON Schema of the fleet's definition files (draft
 * 2020-12, pretty-printed, the same bytes on every run), with the DSL's doc comments as
 * descriptions. Without a kind the root accepts any definition file; with one (`host`) it is
 * that file's schema, e.g. for an editor's per-file schema mapping.
 */
import { InvalidArgumentError, type Command } from "commander";
import { documentedSchemaDefinitions } from "../../schema/documented-schema.ts";
import { SCHEMA_KIND_NAMES, schemaDocument, type SchemaKind } from "../../schema/schema-document.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";

const parseKind = (value: string): SchemaKind => {
  if ((SCHEMA_KIND_NAMES as readonly string[]).includes(value)) return value as SchemaKind;
  throw new InvalidArgumentError(`expected one of ${SCHEMA_KIND_NAMES.join(", ")}`);
};

/** Add `schema` to the CLI. */
export function registerSchemaCommand(program: Command, environment: CommandEnvironment): void {
  program
    .command("schema")
    .description("print the JSON Schema of the fleet's definition files, for editors and tools that do not speak TypeScript")
    .argument("[kind]", `only one file kind's schema: ${SCHEMA_KIND_NAMES.join(", ")}`, parseKind)
    .action(
      commandAction(environment, (context, kind: SchemaKind | undefined) => {
        const document = schemaDocument(kind, documentedSchemaDefinitions());
        context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      }),
    );
}
