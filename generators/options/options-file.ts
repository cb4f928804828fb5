/**
 * Reading an options.json in the NixOS manual's shape (`optionsJSON`), and the list of renamed
 * and removed options. zod checks the shape; every problem comes back as data, all at once,
 * with the option key it belongs to.
 */
import { z } from "zod";
import { compareText, normalizeSegment, type OptionPath, showOptionPath, splitOptionPath } from "./option-path.ts";
import type { OptionType } from "./option-type.ts";
import { jsonAsNix } from "./json-as-nix.ts";
import { parseOptionType } from "./parse-type.ts";

/**
 * The longest option path accepted (in segments). nixpkgs' deepest are around a dozen; the bound
 * keeps a hand-made file from building a tree deeper than the walks over it can go.
 */
export const MAX_OPTION_PATH_LENGTH = 128;

/** One declared option, ready for the tree. */
export interface OptionDeclaration {
  /** `loc`, with attribute-set placeholders normalised to `<name>`. */
  readonly path: OptionPath;
  /** The type description exactly as nixpkgs printed it. */
  readonly typeText: string;
  readonly type: OptionType;
  /** NixOS computes the value; a definition conflicts with it. */
  readonly readOnly: boolean;
  /** Markdown, when the file has descriptions (the manual's options.json does). */
  readonly description?: string;
  /** The default as Nix text, when known. */
  readonly default?: string;
  readonly example?: string;
  /** Files that declare the option, as the manual lists them. */
  readonly declaredIn?: readonly string[];
}

/** How an old option path relates to its replacement (the `mk*OptionModule` that declared it). */
export type AliasKind = "renamed" | "removed" | "changed" | "merged" | "alias";

/** A renamed, changed, merged, aliased or removed option. */
export interface OptionAlias {
  readonly from: OptionPath;
  /** The replacement, `null` when nothing replaces it. */
  readonly to: OptionPath | null;
  readonly kind: AliasKind;
  /** Free-text advice from `mkRemovedOptionModule`, when the file carries it. */
  readonly message?: string;
}

/** Something wrong with an input file: which file, where inside it, and what. */
export interface InputProblem {
  readonly file: string;
  /** Path inside the JSON document, e.g. `["services.openssh.enable", "type"]`. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A parsed input or every problem found in it. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** `{ "_type": "literalExpression", "text": "…" }` (or `mdDoc`, `literalMD`) as nixpkgs renders docs. */
const documentText = z.object({ _type: z.string(), text: z.string() });

const optionEntry = z.looseObject({
  type: z.string({ error: "every option needs its type description (a string)" }),
  loc: z.array(z.string()).min(1).optional(),
  readOnly: z.boolean().optional(),
  description: z.union([z.string(), documentText]).nullable().optional(),
  default: z.unknown().optional(),
  example: z.unknown().optional(),
  declarations: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).optional(),
});

const optionsFile = z.record(z.string(), optionEntry, {
  error: "an options.json is an object from option name to { type, loc, readOnly, … }",
});

const aliasesFile = z.array(
  z.strictObject({
    from: z.array(z.string()).min(1),
    to: z.array(z.string()).nullable(),
    kind: z.enum(["renamed", "removed", "changed", "merged", "alias"]),
    message: z.string().optional(),
  }),
  { error: "an aliases file is a list of { from, to, kind } entries" },
);

const problemsOf = (file: string, error: z.ZodError): InputProblem[] =>
  error.issues.map((issue) => ({ file, path: issue.path, message: issue.message }));

/** Check an options.json document and turn it into declarations, sorted by path. */
export function readOptionsJson(json: unknown, file: string): Parsed<OptionDeclaration[]> {
  const result = optionsFile.safeParse(json);
  if (!result.success) return { ok: false, problems: problemsOf(file, result.error) };
  const declarations: OptionDeclaration[] = [];
  const problems: InputProblem[] = [];
  const seen = new Map<string, string>();
  for (const [key, entry] of Object.entries(result.data)) {
    const path = (entry.loc ?? splitOptionPath(key)).map(normalizeSegment);
    if (path.length > MAX_OPTION_PATH_LENGTH) {
      problems.push({
        file,
        path: [key, "loc"],
        message: `the option path has ${path.length} parts; at most ${MAX_OPTION_PATH_LENGTH} are accepted`,
      });
      continue;
    }
    const shown = showOptionPath(path);
    const first = seen.get(shown);
    if (first !== undefined) {
      problems.push({ file, path: [key, "loc"], message: `declares \`${shown}' again (first declared as "${first}")` });
      continue;
    }
    seen.set(shown, key);
    declarations.push(declaration(path, entry));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: declarations.sort((a, b) => compareText(showOptionPath(a.path), showOptionPath(b.path))) };
}

function declaration(path: OptionPath, entry: z.infer<typeof optionEntry>): OptionDeclaration {
  const description = typeof entry.description === "object" ? entry.description?.text : entry.description;
  const defaultText = documentation(entry.default);
  const example = documentation(entry.example);
  const declaredIn = entry.declarations?.map((where) => (typeof where === "string" ? where : where.name));
  return {
    path,
    typeText: entry.type,
    type: parseOptionType(entry.type),
    readOnly: entry.readOnly ?? false,
    ...(description ? { description } : {}),
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    ...(example !== undefined ? { example } : {}),
    ...(declaredIn?.length ? { declaredIn } : {}),
  };
}

/** A default or example: nixpkgs' literal text, or a plain JSON value written as Nix. */
function documentation(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const literal = documentText.safeParse(value);
  return literal.success ? literal.data.text : jsonAsNix(value);
}

/** Check an aliases file (`[{ from, to, kind }]`). */
export function readAliasesJson(json: unknown, file: string): Parsed<OptionAlias[]> {
  const result = aliasesFile.safeParse(json);
  if (!result.success) return { ok: false, problems: problemsOf(file, result.error) };
  return {
    ok: true,
    value: result.data.map(({ from, to, kind, message }) => ({
      from: from.map(normalizeSegment),
      to: to && to.map(normalizeSegment),
      kind,
      ...(message !== undefined ? { message } : {}),
    })),
  };
}

/** `options.json: services.openssh.enable › type: …` */
export const formatInputProblem = (problem: InputProblem): string =>
  `${problem.file}${problem.path.length ? `: ${problem.path.map(String).join(" › ")}` : ""}: ${problem.message}`;
