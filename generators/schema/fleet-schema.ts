/**
 * The fleet configuration as JSON Schema (draft 2020-12), from the DSL's zod schemas by zod 4's
 * `z.toJSONSchema`, for editors and tools that do not speak TypeScript. One document holds every
 * definition file's schema in `$defs` (`fleet`, `host`, `module`, `overlay`, `home`); its root
 * accepts any of them, or one chosen kind.
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
} as const;

/** A definition file kind: `fleet`, `host`, `module`, `overlay` or `home`. */
export type SchemaKind = keyof typeof SCHEMA_KINDS;

/** What a typeflake expression value becomes: any JSON is accepted, and the reason is given. */
export const EXPRESSION_PLACEHOLDER =
  "A typeflake expression value (pkg(…), secret(…), host(…), nix`…`, mkForce(…), …): it exists only in " +
  "TypeScript, so JSON Schema accepts anything here and typeflake checks it when it loads the file.";

/** A JSON Schema document, as plain JSON data. */
export type JsonSchema = { [keyword: string]: unknown };

/** The document: `$defs` for every kind; the root is `kind`'s schema, or any kind's when omitted. */
export const fleetJsonSchema = (kind?: SchemaKind): JsonSchema => {
  const registry = z.registry<{ id: string; description: string }>();
  registry.add(nixValue, { id: "nixValue", description: "A value of a NixOS or home-manager option, or an expression value." });
  const kinds = Object.entries(SCHEMA_KINDS) as [SchemaKind, (typeof SCHEMA_KINDS)[SchemaKind]][];
  for (const [id, { schema, description }] of kinds) registry.add(schema, { id, description });
  const generated = z.toJSONSchema(z.union(kinds.map(([, { schema }]) => schema)), {
    io: "input",
    metadata: registry,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "custom") jsonSchema.description = EXPRESSION_PLACEHOLDER;
    },
  }) as JsonSchema;
  const { $schema, $defs } = generated as { $schema: string; $defs: JsonSchema };
  return {
    $schema,
    title: kind === undefined ? "typeflake fleet definition files" : `typeflake ${kind} file`,
    ...(kind === undefined ? { anyOf: kinds.map(([id]) => ({ $ref: `#/$defs/${id}` })) } : { $ref: `#/$defs/${kind}` }),
    // The kinds first, in the order above, then what they share.
    $defs: { ...Object.fromEntries(kinds.map(([id]) => [id, $defs[id]])), ...$defs },
  };
};
