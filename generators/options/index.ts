/**
 * Typed NixOS options: parse an options.json, write TypeScript types and a runtime index for
 * it, validate `nixos` blocks against the index, and look option paths up.
 */
export { checkNixosOptions } from "./check-options.ts";
export { describeOptionType } from "./describe-type.ts";
export {
  generateOptionSchema,
  importOptionSchema,
  type ImportedSchema,
  type ImportInputs,
  type JsonInput,
  type SchemaInputs,
  type TypeFallback,
} from "./import-schema.ts";
export { optionTypeAt, slotAt } from "./lookup.ts";
export { type OptionPath, showOptionPath, splitOptionPath } from "./option-path.ts";
export type { OptionType, OptionTypeKind } from "./option-type.ts";
export {
  formatInputProblem,
  type InputProblem,
  type OptionAlias,
  type OptionDeclaration,
  type Parsed,
  readAliasesJson,
  readOptionsJson,
} from "./options-file.ts";
export { isFallback, parseOptionType } from "./parse-type.ts";
export { buildOptionIndex, type OptionIndex, parseOptionIndex, serializeOptionIndex } from "./runtime-index.ts";
export { GENERATED_FILES, SHIPPED_SCHEMA, shippedOptionIndex } from "./shipped.ts";
export type { Slot } from "./slots.ts";
