/**
 * `typeflake schema [kind]`: print the JSON Schema of the fleet's definition files (draft
 * 2020-12, pretty-printed, the same bytes on every run), with the DSL's doc comments as
 * descriptions. Without a kind the root accepts any definition file; with one (`host`) it is
 * that file's schema, e.g. for an editor's per-file schema mapping.
 */
import { InvalidArgumentError, type Command } from "commander";
import { addDocComments } from "../../schema/doc-comments.ts";
import { fleetJsonSchema, SCHEMA_KINDS, type SchemaKind } from "../../schema/fleet-schema.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";

const KINDS = Object.keys(SCHEMA_KINDS) as SchemaKind[];

const parseKind = (value: string): SchemaKind => {
  if ((KINDS as string[]).includes(value)) return value as SchemaKind;
  throw new InvalidArgumentError(`expected one of ${KINDS.join(", ")}`);
};

/** Add `schema` to the CLI. */
export function registerSchemaCommand(program: Command, environment: CommandEnvironment): void {
  program
    .command("schema")
    .description("print the JSON Schema of the fleet's definition files, for editors and tools that do not speak TypeScript")
    .argument("[kind]", `only one file kind's schema: ${KINDS.join(", ")}`, parseKind)
    .action(
      commandAction(environment, (context, kind: SchemaKind | undefined) => {
        const document = fleetJsonSchema(kind);
        addDocComments(document);
        context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      }),
    );
}
