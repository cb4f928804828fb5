/**
 * The definitions `typeflake schema` prints: the zod schemas' JSON Schema with the DSL's doc
 * comments as descriptions. Reading the comments type-checks the DSL (seconds), and the result
 * depends only on typeflake's own sources, never on the fleet (a fleet's synced option schema
 * types `nixos`, which the document leaves to `nixValue`). So the build evaluates this module
 * once and ships its result in its place (`scripts/precompiled-modules.ts`); from the sources it
 * is computed on each call.
 */
import { addDocComments } from "./doc-comments.ts";
import { fleetSchemaDefinitions } from "./fleet-schema.ts";
import type { SchemaDefinitions } from "./schema-document.ts";

/** Every kind's schema and what they share, described by the DSL's doc comments. */
export const documentedSchemaDefinitions = (): SchemaDefinitions => {
  const definitions = fleetSchemaDefinitions();
  addDocComments(definitions);
  return definitions;
};
