/**
 * The runtime index: what validation needs from an options.json, and nothing else. In memory it
 * is the option tree plus the aliases; on disk (`index.json`) it is a table of distinct types
 * (nixpkgs' description and the structured form), option path → type number, the read-only
 * options and the aliases, one entry per line so that a schema update reads well in a diff.
 */
import { z } from "zod";
import { showOptionPath, splitOptionPath } from "./option-path.ts";
import type { InputProblem, OptionAlias, OptionDeclaration, Parsed } from "./options-file.ts";
import type { OptionType } from "./option-type.ts";
import { buildOptionTree, type OptionNode, optionsOf } from "./option-tree.ts";

/** Everything validation and `optionTypeAt` need. */
export interface OptionIndex {
  readonly root: OptionNode;
  readonly aliases: readonly OptionAlias[];
  /** Names of the files the index was built from, for messages. */
  readonly sources: readonly string[];
  readonly optionCount: number;
}

/** The `format` field of every `index.json`; also marks the file as generated. */
export const INDEX_FORMAT = "typeflake-nixos-option-index/1";

/** The index of `declarations` and `aliases`. */
export function buildOptionIndex(
  declarations: readonly OptionDeclaration[],
  aliases: readonly OptionAlias[],
  sources: readonly string[],
): OptionIndex {
  return { root: buildOptionTree(declarations), aliases, sources, optionCount: declarations.length };
}

/** `index.json` text: deterministic, one entry per line. */
export function serializeOptionIndex(index: OptionIndex): string {
  const typeNumbers = new Map<string, number>();
  const types: [string, OptionType][] = [];
  const options: string[] = [];
  const readOnly: string[] = [];
  for (const option of optionsOf(index.root)) {
    let number = typeNumbers.get(option.typeText);
    if (number === undefined) {
      number = types.length;
      typeNumbers.set(option.typeText, number);
      types.push([option.typeText, option.type]);
    }
    const key = showOptionPath(option.path);
    options.push(`${JSON.stringify(key)}: ${number}`);
    if (option.readOnly) readOnly.push(JSON.stringify(key));
  }
  const block = (open: string, entries: readonly string[], close: string): string =>
    entries.length ? `${open}\n    ${entries.join(",\n    ")}\n  ${close}` : `${open}${close}`;
  return [
    "{",
    `  "format": ${JSON.stringify(INDEX_FORMAT)},`,
    `  "sources": ${JSON.stringify(index.sources)},`,
    `  "types": ${block(
      "[",
      types.map((entry) => JSON.stringify(entry)),
      "]",
    )},`,
    `  "options": ${block("{", options, "}")},`,
    `  "readOnly": ${block("[", readOnly, "]")},`,
    `  "aliases": ${block(
      "[",
      index.aliases.map((alias) => JSON.stringify(alias)),
      "]",
    )}`,
    "}",
    "",
  ].join("\n");
}

const indexFile = z.object({
  format: z.literal(INDEX_FORMAT, { error: `not a typeflake option index (expected format "${INDEX_FORMAT}")` }),
  sources: z.array(z.string()),
  types: z.array(z.tuple([z.string(), z.looseObject({ kind: z.string() })])),
  options: z.record(z.string(), z.int().nonnegative()),
  readOnly: z.array(z.string()),
  aliases: z.array(
    z.object({
      from: z.array(z.string()),
      to: z.array(z.string()).nullable(),
      kind: z.enum(["renamed", "removed", "changed", "merged", "alias"]),
      message: z.string().optional(),
    }),
  ),
});

/**
 * Read an `index.json`. The structured types are trusted (typeflake wrote them); the shape and
 * the type numbers are checked.
 */
export function parseOptionIndex(json: unknown, file: string): Parsed<OptionIndex> {
  const result = indexFile.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({ file, path: issue.path, message: issue.message })),
    };
  }
  const { types, options, readOnly, aliases, sources } = result.data;
  const readOnlyKeys = new Set(readOnly);
  const problems: InputProblem[] = [];
  const declarations: OptionDeclaration[] = [];
  for (const [key, number] of Object.entries(options)) {
    const entry = types[number];
    if (!entry) {
      problems.push({ file, path: ["options", key], message: `type number ${number} is not in the types table` });
      continue;
    }
    const [typeText, type] = entry;
    declarations.push({
      path: splitOptionPath(key),
      typeText,
      type: type as OptionType,
      readOnly: readOnlyKeys.has(key),
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: buildOptionIndex(declarations, aliases, sources) };
}
