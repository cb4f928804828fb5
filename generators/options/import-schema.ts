/**
 * `typeflake options import`, as pure functions: the JSON of an options.json (and optionally of
 * an aliases file) in, the text of the generated files out. Reading and writing files is the
 * command's business. `generateOptionSchema` is the part after reading: parsed declarations and
 * aliases from any source (an options.json, a fleet's own evaluated modules) in, files out.
 */
import { isFallback } from "./parse-type.ts";
import { showOptionPath } from "./option-path.ts";
import {
  type InputProblem,
  type OptionAlias,
  type OptionDeclaration,
  type Parsed,
  readAliasesJson,
  readOptionsJson,
} from "./options-file.ts";
import { typeParts } from "./option-type.ts";
import { type OptionNode, optionsOf } from "./declaration-tree.ts";
import { buildOptionIndex, serializeOptionIndex } from "./runtime-index.ts";
import { FLEET_SCHEMA_FILES, type SchemaProvenance, serializeProvenance } from "./fleet-schema.ts";
import { GENERATED_FILES } from "./shipped.ts";
import { descend } from "./slots.ts";
import { writeOptionTypes } from "./write-types.ts";

/** A parsed JSON document and the name it is reported under. */
export interface JsonInput {
  /** File name for messages and the generated header (a base name: output stays machine-independent). */
  readonly name: string;
  readonly json: unknown;
}

/** What the import reads. */
export type ImportInputs = {
  readonly options: JsonInput;
  readonly aliases?: JsonInput;
  /** Module specifier the generated types use for typeflake's expression values. */
  readonly expressionsImport: string;
} & SchemaTarget;

/** A type description typeflake did not understand (so any Nix value is accepted there). */
export interface TypeFallback {
  readonly typeText: string;
  /** The first option with it. */
  readonly option: string;
  readonly count: number;
}

/** The generated files and what the import noticed. */
export interface ImportedSchema {
  /** File name inside the output folder → content. */
  readonly files: Readonly<Record<string, string>>;
  readonly optionCount: number;
  readonly fallbacks: readonly TypeFallback[];
  /** Oddities that do not stop the import (sub-options the option's type cannot hold). */
  readonly warnings: readonly string[];
}

/** Import an options.json: check it, then write the types and the runtime index. */
export function importOptionSchema(inputs: ImportInputs): Parsed<ImportedSchema> {
  const options = readOptionsJson(inputs.options.json, inputs.options.name);
  const aliases = inputs.aliases
    ? readAliasesJson(inputs.aliases.json, inputs.aliases.name)
    : { ok: true as const, value: [] };
  const problems: InputProblem[] = [...(options.ok ? [] : options.problems), ...(aliases.ok ? [] : aliases.problems)];
  if (!options.ok || !aliases.ok) return { ok: false, problems };
  const sources = [inputs.options.name, ...(inputs.aliases ? [inputs.aliases.name] : [])];
  return {
    ok: true,
    value: generateOptionSchema({
      declarations: options.value,
      aliases: aliases.value,
      sources,
      expressionsImport: inputs.expressionsImport,
      ...targetOf(inputs),
    }),
  };
}

const targetOf = (target: SchemaTarget): SchemaTarget =>
  target.target === "fleet" ? { target: "fleet", provenance: target.provenance } : { target: "package" };

/**
 * Where the files go. `package` (the default): typeflake's own `dsl/nixos-options/` (`types.ts`,
 * `index.json`). `fleet`: a fleet's `.typeflake/options/` (`nixos-options.d.ts`, registered as the fleet's
 * option types; `index.json`; `source.json` from `provenance`).
 */
export type SchemaTarget =
  | { readonly target?: "package" }
  | { readonly target: "fleet"; readonly provenance: SchemaProvenance };

/** Parsed option data, whatever it was read from, and where its files go. */
export type SchemaInputs = SchemaData & SchemaTarget;

/** Parsed option data, whatever it was read from. */
export interface SchemaData {
  readonly declarations: readonly OptionDeclaration[];
  readonly aliases: readonly OptionAlias[];
  /** Names of what the data came from, for the generated header and messages (machine-independent). */
  readonly sources: readonly string[];
  /** Module specifier the generated types use for typeflake's expression values. */
  readonly expressionsImport: string;
}

/** The types and the runtime index of parsed option data; the caller decides where they go. */
export function generateOptionSchema(inputs: SchemaInputs): ImportedSchema {
  const { sources, expressionsImport } = inputs;
  const index = buildOptionIndex(inputs.declarations, inputs.aliases, sources);
  const fleet = inputs.target === "fleet";
  const types = writeOptionTypes(index.root, {
    expressionsImport,
    sources,
    aliases: index.aliases,
    target: fleet ? "fleet" : "package",
  });
  const files: Record<string, string> = !fleet
    ? { [GENERATED_FILES.types]: types, [GENERATED_FILES.index]: serializeOptionIndex(index) }
    : {
        [FLEET_SCHEMA_FILES.types]: types,
        [FLEET_SCHEMA_FILES.index]: serializeOptionIndex(index),
        [FLEET_SCHEMA_FILES.source]: serializeProvenance(inputs.provenance, {
          options: index.optionCount,
          aliases: index.aliases.length,
        }),
      };
  return {
    files,
    optionCount: index.optionCount,
    fallbacks: fallbacksIn(index.root),
    warnings: unreachableOptions(index.root),
  };
}

function fallbacksIn(root: OptionNode): TypeFallback[] {
  const found = new Map<string, TypeFallback>();
  for (const option of optionsOf(root)) {
    if (![...typeParts(option.type)].some(isFallback)) continue;
    const seen = found.get(option.typeText);
    found.set(option.typeText, {
      typeText: option.typeText,
      option: seen?.option ?? showOptionPath(option.path),
      count: (seen?.count ?? 0) + 1,
    });
  }
  return [...found.values()];
}

/** Options declared below an option whose type has no place for them (no submodule, attribute set or list). */
function unreachableOptions(node: OptionNode): string[] {
  const warnings: string[] = [];
  const visit = (current: OptionNode): void => {
    const { option } = current;
    for (const [segment, child] of current.children) {
      if (option && !descend({ kind: "value", type: option.type, scope: current }, segment)) {
        warnings.push(
          `\`${showOptionPath(child.path)}' is declared below \`${showOptionPath(current.path)}', whose type ` +
            `\`${option.typeText}' has no sub-options; it is left out.`,
        );
        continue;
      }
      visit(child);
    }
  };
  visit(node);
  return warnings;
}
