/**
 * The shipped schema's inputs (the repository's copy in `data/nixos/`), read once for the
 * option tests. Counts come from the data, so refreshing it never leaves a stale literal.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { JsonInput } from "../../generators/options/import-schema.ts";
import { SHIPPED_SCHEMA } from "../../generators/options/shipped.ts";

const readJson = (file: string): JsonInput => ({
  name: basename(file),
  json: JSON.parse(readFileSync(file, "utf8")) as unknown,
});

/** `data/nixos/nixos-options.json`. */
export const shippedOptions: JsonInput = readJson(SHIPPED_SCHEMA.optionsFile);
/** `data/nixos/nixos-option-aliases.json`. */
export const shippedAliases: JsonInput = readJson(SHIPPED_SCHEMA.aliasesFile);

/** The options of `data/nixos/nixos-options.json`: option path → its entry. */
export const shippedOptionEntries = shippedOptions.json as Readonly<Record<string, { readonly type: string }>>;

/** How many options the shipped data declares. */
export const shippedOptionCount: number = Object.keys(shippedOptionEntries).length;
/** How many renamed and removed options the shipped data lists. */
export const shippedAliasCount: number = (shippedAliases.json as readonly unknown[]).length;

/** Every distinct type description of the shipped schema, sorted. */
export const shippedTypeTexts: readonly string[] = [
  ...new Set(Object.values(shippedOptionEntries).map((option) => option.type)),
].sort();
