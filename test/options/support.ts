/**
 * The shipped schema's inputs, read once for the option tests.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { JsonInput } from "../../generators/options/import-schema.ts";
import { SHIPPED_SCHEMA } from "../../generators/options/shipped.ts";

const readJson = (file: string): JsonInput => ({
  name: basename(file),
  json: JSON.parse(readFileSync(file, "utf8")) as unknown,
});

/** `../shared/nixos/nixos-options.json`. */
export const shippedOptions: JsonInput = readJson(SHIPPED_SCHEMA.optionsFile);
/** `../shared/nixos/nixos-option-aliases.json`. */
export const shippedAliases: JsonInput = readJson(SHIPPED_SCHEMA.aliasesFile);

/** Every distinct type description of the shipped schema, sorted. */
export const shippedTypeTexts: readonly string[] = [
  ...new Set(Object.values(shippedOptions.json as Record<string, { type: string }>).map((option) => option.type)),
].sort();
