/**
 * The shape of `typeflake schema`'s output, apart from how its definitions are made: one JSON
 * Schema document (draft 2020-12) holding every definition file's schema in `$defs`, whose root
 * accepts any of them or one chosen kind. Plain data, no zod: the compiled `schema` command
 * wraps definitions the build computed (see `documented-schema.ts`).
 */

/** The definition file kinds, in the order the document lists them. */
export const SCHEMA_KIND_NAMES = ["fleet", "host", "module", "overlay", "home"] as const;

/** A definition file kind: `fleet`, `host`, `module`, `overlay` or `home`. */
export type SchemaKind = (typeof SCHEMA_KIND_NAMES)[number];

/** A JSON Schema document, as plain JSON data. */
export type JsonSchema = { [keyword: string]: unknown };

/** What the document's root refers to: the dialect, and a schema per kind (then what they share). */
export interface SchemaDefinitions {
  /** The JSON Schema dialect, `https://json-schema.org/draft/2020-12/schema`. */
  readonly $schema: string;
  /** Every kind's schema by its name, first and in `SCHEMA_KIND_NAMES` order, then the schemas they share. */
  readonly $defs: JsonSchema;
}

/** The document: `definitions`, with a root that is `kind`'s schema, or any kind's when omitted. */
export const schemaDocument = (kind: SchemaKind | undefined, { $schema, $defs }: SchemaDefinitions): JsonSchema => ({
  $schema,
  title: kind === undefined ? "typeflake fleet definition files" : `typeflake ${kind} file`,
  ...(kind === undefined ? { anyOf: SCHEMA_KIND_NAMES.map((id) => ({ $ref: `#/$defs/${id}` })) } : { $ref: `#/$defs/${kind}` }),
  $defs,
});
