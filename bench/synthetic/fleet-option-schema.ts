/**
 * A fleet's own option schema of nixpkgs' size, as `options import` writes it into
 * `.typeflake/options/`: the shipped options and aliases plus `syntheticOptionSchema`'s services.
 * Shared by the benches that time tsc and generate with it.
 */
import { readFileSync } from "node:fs";
import { importOptionSchema } from "../../generators/options/import-schema.ts";
import { SHIPPED_SCHEMA } from "../../generators/options/shipped.ts";
import { syntheticOptionSchema } from "./option-schema.ts";

/** Options in the synthetic part of the schema, at least (issue 13 asks about 20,000+). */
export const SYNTHETIC_OPTION_COUNT = 20_000;

/** The schema's files (name → text) and how many options it holds. */
export function fleetOptionSchemaFiles(): { files: Readonly<Record<string, string>>; optionCount: number } {
  const synthetic = syntheticOptionSchema(SYNTHETIC_OPTION_COUNT);
  const shippedOptions = JSON.parse(readFileSync(SHIPPED_SCHEMA.optionsFile, "utf8")) as Record<string, unknown>;
  const shippedAliases = JSON.parse(readFileSync(SHIPPED_SCHEMA.aliasesFile, "utf8")) as unknown[];
  const schema = importOptionSchema({
    options: { name: "options.json", json: { ...shippedOptions, ...synthetic.options } },
    aliases: { name: "aliases.json", json: [...shippedAliases, ...synthetic.aliases] },
    expressionsImport: "typeflake",
    target: "fleet",
    provenance: { origin: { kind: "import", file: "options.json", aliases: "aliases.json" }, typeflakeVersion: "bench" },
  });
  if (!schema.ok) throw new Error(`the synthetic schema does not import: ${JSON.stringify(schema.problems.slice(0, 3))}`);
  return { files: schema.value.files, optionCount: schema.value.optionCount };
}
