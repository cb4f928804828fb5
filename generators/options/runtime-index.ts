/**
 * The runtime index: what validation needs from an options.json, and nothing else. In memory it
 * is the option tree plus the aliases; on disk (`index.json`) it is a table of distinct types
 * (nixpkgs' description and the structured form), option path → type number, the read-only
 * options, the aliases and, when the input had them, each option's documentation (description,
 * default, example, declaring files), one entry per line so that a schema update reads well in a
 * diff. A fleet's index is committed and may be edited or damaged, so reading one checks
 * everything, the structured types included, with bounded nesting.
 */
import { z } from "zod";
import { showOptionPath, splitOptionPath } from "./option-path.ts";
import {
  type InputProblem,
  MAX_OPTION_PATH_LENGTH,
  type OptionAlias,
  type OptionDeclaration,
  type Parsed,
} from "./options-file.ts";
import type { OptionType } from "./option-type.ts";
import { readOptionType } from "./option-type-schema.ts";
import { buildDeclarationTree, type OptionNode, optionsOf } from "./declaration-tree.ts";

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

/** How the line of the documentation block of `index.json` begins: it is the last block. */
export const DOCS_BLOCK = '  "docs": ';

/** The index of `declarations` and `aliases`. */
export function buildOptionIndex(
  declarations: readonly OptionDeclaration[],
  aliases: readonly OptionAlias[],
  sources: readonly string[],
): OptionIndex {
  return { root: buildDeclarationTree(declarations), aliases, sources, optionCount: declarations.length };
}

/** `index.json` text: deterministic, one entry per line. */
export function serializeOptionIndex(index: OptionIndex): string {
  const typeNumbers = new Map<string, number>();
  const types: [string, OptionType][] = [];
  const options: string[] = [];
  const readOnly: string[] = [];
  const docs: string[] = [];
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
    const documentation = docsOf(option);
    if (documentation) docs.push(`${JSON.stringify(key)}: ${JSON.stringify(documentation)}`);
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
    )}${docs.length ? "," : ""}`,
    // Only when there is some: an index of bare types (the shipped one) keeps its shape. Last, so
    // that validation can stop reading before it (see load/fleet-option-index.ts).
    ...(docs.length ? [`${DOCS_BLOCK}${block("{", docs, "}")}`] : []),
    "}",
    "",
  ].join("\n");
}

/** An option's documentation as the index keeps it (the fields of `OptionDeclaration` of the same names). */
const optionDocs = z.strictObject({
  description: z.string().optional(),
  default: z.string().optional(),
  example: z.string().optional(),
  declaredIn: z.array(z.string()).optional(),
});

type OptionDocs = z.infer<typeof optionDocs>;

function docsOf(option: OptionDeclaration): OptionDocs | undefined {
  const { description, default: defaultText, example, declaredIn } = option;
  if (description === undefined && defaultText === undefined && example === undefined && !declaredIn?.length) {
    return undefined;
  }
  return {
    ...(description !== undefined ? { description } : {}),
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    ...(example !== undefined ? { example } : {}),
    ...(declaredIn?.length ? { declaredIn: [...declaredIn] } : {}),
  };
}

/**
 * A JSON object, taken as it is: a fleet's index has tens of thousands of options and as many
 * documentation entries, which are checked entry by entry below (a zod record would copy them all).
 */
const plainObject = (expected: string) =>
  z.custom<Readonly<Record<string, unknown>>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    { error: `expected ${expected}` },
  );

const indexFile = z.object({
  format: z.literal(INDEX_FORMAT, { error: `not a typeflake option index (expected format "${INDEX_FORMAT}")` }),
  sources: z.array(z.string()),
  types: z.array(z.tuple([z.string(), z.unknown()])),
  options: plainObject("an object from option name to type number"),
  readOnly: z.array(z.string()),
  aliases: z.array(
    z.object({
      from: z.array(z.string()),
      to: z.array(z.string()).nullable(),
      kind: z.enum(["renamed", "removed", "changed", "merged", "alias"]),
      message: z.string().optional(),
    }),
  ),
  docs: plainObject("an object from option name to its documentation").optional(),
});

/** How much of an index to read. */
export interface IndexReading {
  /**
   * Read and check each option's documentation too. Validation needs none of it, and it is most
   * of a large index: `generate` leaves it unread.
   */
  readonly docs?: boolean;
}

/**
 * Read an `index.json`: its shape and every structured type (nesting first), the type numbers, the
 * length of every option path, and with `docs` each option's documentation (which must belong to
 * an option of the index). typeflake's own shipped index is read without these checks, from its
 * tree (`option-tree-file.ts`).
 */
export function parseOptionIndex(json: unknown, file: string, reading: IndexReading = {}): Parsed<OptionIndex> {
  const result = indexFile.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({ file, path: issue.path, message: issue.message })),
    };
  }
  const { types, options, readOnly, aliases, sources } = result.data;
  const docs = reading.docs ? (result.data.docs ?? {}) : {};
  const problems: InputProblem[] = [];
  const structured = types.map(([, type], number) => {
    const read = readOptionType(type);
    if (read.ok) return read.type;
    problems.push({ file, path: ["types", number, 1], message: read.message });
    return undefined;
  });
  const readOnlyKeys = new Set(readOnly);
  const declarations: OptionDeclaration[] = [];
  for (const [key, number] of Object.entries(options)) {
    if (typeof number !== "number" || !Number.isInteger(number) || number < 0) {
      problems.push({ file, path: ["options", key], message: `expected a type number (a whole number from 0), got ${JSON.stringify(number)}` });
      continue;
    }
    const entry = types[number];
    const type = structured[number];
    const path = splitOptionPath(key);
    if (!entry) {
      problems.push({ file, path: ["options", key], message: `type number ${number} is not in the types table` });
    } else if (path.length > MAX_OPTION_PATH_LENGTH) {
      problems.push({
        file,
        path: ["options", key],
        message: `the option path has ${path.length} parts; at most ${MAX_OPTION_PATH_LENGTH} are accepted`,
      });
    } else if (type) {
      const declaration: OptionDeclaration = { path, typeText: entry[0], type, readOnly: readOnlyKeys.has(key) };
      const documentation = key in docs ? documentationAt(docs[key], key, file, problems) : undefined;
      declarations.push(documentation ? { ...declaration, ...documentation } : declaration);
    }
  }
  for (const key of Object.keys(docs)) {
    if (!(key in options)) problems.push({ file, path: ["docs", key], message: "documents an option the index does not have" });
  }
  const tooLong = aliases.findIndex((alias) => Math.max(alias.from.length, alias.to?.length ?? 0) > MAX_OPTION_PATH_LENGTH);
  if (tooLong >= 0) {
    problems.push({ file, path: ["aliases", tooLong], message: `an option path has more than ${MAX_OPTION_PATH_LENGTH} parts` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: buildOptionIndex(declarations, aliases, sources) };
}

/** The checked documentation of option `key` (problems go to `problems`). */
function documentationAt(value: unknown, key: string, file: string, problems: InputProblem[]): OptionDocs | undefined {
  const read = optionDocs.safeParse(value);
  if (read.success) return read.data;
  problems.push(...read.error.issues.map((issue) => ({ file, path: ["docs", key, ...issue.path], message: issue.message })));
  return undefined;
}
