/**
 * The fleet configuration as JSON Schema (draft 2020-12), from the DSL's zod schemas by zod 4's
 * `z.toJSONSchema`, for editors and tools that do not speak TypeScript (the document's shape:
 * `schema-document.ts`).
 *
 * What JSON cannot say: typeflake's expression values (`pkg("htop")`, `secret("k")`,
 * `host("nas")`, `nix\`…\``, `mkForce(…)`) exist only in TypeScript, so they become the
 * accept-anything schema `{}` with a description saying so; checks written as code (address
 * formats, key shapes, cross-file references) are left to `typeflake generate`.
 */
import { z } from "zod";
import { fleetSchema } from "../../dsl/fleet.ts";
import { homeSchema } from "../../dsl/home.ts";
import { hostSchema } from "../../dsl/host.ts";
import { moduleSchema } from "../../dsl/module.ts";
import { overlaySchema } from "../../dsl/overlay.ts";
import { nixValue } from "../../dsl/values.ts";
import { type JsonSchema, SCHEMA_KIND_NAMES, type SchemaDefinitions, schemaDocument, type SchemaKind } from "./schema-document.ts";

/** The definition files, by the name of their schema in `$defs`. */
export const SCHEMA_KINDS = {
  fleet: { schema: fleetSchema, description: "typeflake.config.ts: export default defineFleet({ … })" },
  host: { schema: hostSchema, description: "hosts/<name>/host.ts: export default defineHost({ … })" },
  module: { schema: moduleSchema, description: "modules/<name>.ts: export default defineModule({ … })" },
  overlay: { schema: overlaySchema, description: "overlays/<name>.ts: export default defineOverlay({ … })" },
  home: {
    schema: homeSchema,
    description: "homes/<user>.ts or homes/<user>@<host>.ts: export default defineHome({ … }) (stateVersion is required in homes/<user>.ts)",
  },
} as const satisfies Record<SchemaKind, unknown>;

/** What a typeflake expression value becomes: any JSON is accepted, and the reason is given. */
export const EXPRESSION_PLACEHOLDER =
  "A typeflake expression value (pkg(…), secret(…), host(…), nix`…`, mkForce(…), …): it exists only in " +
  "TypeScript, so JSON Schema accepts anything here and typeflake checks it when it loads the file.";

/** Every kind's schema and what they share, from the zod schemas (without the DSL's doc comments). */
export const fleetSchemaDefinitions = (): SchemaDefinitions => {
  const registry = z.registry<{ id: string; description: string }>();
  registry.add(nixValue, { id: "nixValue", description: "A value of a NixOS or home-manager option, or an expression value." });
  for (const id of SCHEMA_KIND_NAMES) registry.add(SCHEMA_KINDS[id].schema, { id, description: SCHEMA_KINDS[id].description });
  const generated = z.toJSONSchema(z.union(SCHEMA_KIND_NAMES.map((id) => SCHEMA_KINDS[id].schema)), {
    io: "input",
    metadata: registry,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "custom") jsonSchema.description = EXPRESSION_PLACEHOLDER;
    },
  }) as JsonSchema;
  const { $schema, $defs } = generated as { $schema: string; $defs: JsonSchema };
  // The kinds first, in their order, then what they share.
  return { $schema, $defs: { ...Object.fromEntries(SCHEMA_KIND_NAMES.map((id) => [id, $defs[id]])), ...$defs } };
};

/** The document from the zod schemas alone: `$defs` for every kind; the root is `kind`'s schema, or any kind's when omitted. */
export const fleetJsonSchema = (kind?: SchemaKind): JsonSchema => schemaDocument(kind, fleetSchemaDefinitions());
