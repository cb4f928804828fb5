/**
 * Resolve diagnostics' object paths to file:line:col and source lines, just before they are
 * shown. A parser (Babel's, with its TypeScript plugin) is imported only here and only when some
 * origin has no position yet, so a run without problems never loads it. Only the files that have
 * problems are parsed, each once, without resolving their imports.
 */
import { extname, join } from "node:path";
import type { Diagnostic, RelatedOrigin, SourceLocation, SourceOrigin } from "./diagnostic.ts";
import type { KnownPositions, Position } from "./known-positions.ts";
import { readRegularFile } from "../read-regular-file.ts";
import { shallowSource } from "./locate-shallow.ts";
import { offsetAtObjectPath } from "./object-path-node.ts";

/** Finds the position of an origin in a parsed file, or undefined when the file cannot be read or parsed. */
type Finder = (origin: SourceOrigin) => Position | undefined;

/**
 * Line and column (both from 1) of `offset` in `text`. Lines are counted at "\n" (so "\r\n" is
 * one break) and a column starts after the last "\n" or "\r", as editors show them.
 */
export const lineAndColumn = (text: string, offset: number): Position => {
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  return { line, column: offset - lineStart + 1 };
};

/** A finder over `sources` (file → text), each parsed once. */
const parsingFinder = async (sources: ReadonlyMap<string, string>): Promise<Finder> => {
  const { parse } = await import("@babel/parser");
  const parsed = new Map(
    [...sources].map(([file, text]) => {
      // Parsed from the text already read for the source lines, so positions and lines agree;
      // what is nested deeper than any diagnostic points is blanked, so the parser cannot
      // overflow the stack. Positions stay those of `text` (blanking keeps every offset).
      const jsx = /^\.[cm]?[jt]sx$/.test(extname(file));
      try {
        const { program } = parse(shallowSource(text), {
          sourceType: "module",
          plugins: jsx ? ["typescript", "jsx"] : ["typescript"],
          errorRecovery: true,
          createParenthesizedExpressions: true,
        });
        return [file, { program, text }] as const;
      } catch {
        // Not even error recovery could read it: its diagnostics are shown without a position.
        return [file, undefined] as const;
      }
    }),
  );
  return (origin) => {
    const source = parsed.get(origin.file);
    return source && lineAndColumn(source.text, offsetAtObjectPath(source.program, source.text, origin.objectPath));
  };
};

/**
 * The text of each readable file, read once. Folders, missing files and what is no regular file
 * have none: a diagnostic may be about a named pipe standing where a fleet file should be, and
 * reading that would wait forever.
 */
const readTexts = (root: string, files: Iterable<string>): Map<string, string> =>
  new Map([...new Set(files)].flatMap((file) => {
    const read = readRegularFile(join(root, file));
    return read === undefined ? [] : [[file, read.bytes.toString("utf8")] as const];
  }));

/**
 * Every diagnostic with `location` (line, column and the source line) filled in where its file
 * can be read, related places too. Diagnostics that already have a position (a syntax error
 * reported by the loader) keep it; so do the origins `known` places (an earlier run's, see
 * `known-positions.ts`): only the files with other origins are parsed. Idempotent.
 */
export const locateDiagnostics = async (diagnostics: readonly Diagnostic[], root: string, known: KnownPositions = () => undefined): Promise<Diagnostic[]> => {
  const origins: (SourceOrigin & { readonly location?: Position })[] = diagnostics.flatMap((diagnostic) =>
    [{ ...diagnostic.origin, ...(diagnostic.location ? { location: diagnostic.location } : {}) }, ...(diagnostic.related ?? [])].map((origin) => {
      const location = origin.location ?? known(origin);
      return location ? { ...origin, location } : origin;
    }),
  );
  const texts = readTexts(root, origins.map((origin) => origin.file));
  const lines = new Map([...texts].map(([file, text]) => [file, text.split(/\r?\n/)]));
  const unplaced = new Map(
    origins.flatMap((origin) => {
      const text = origin.location ? undefined : texts.get(origin.file);
      return text === undefined ? [] : [[origin.file, text] as const];
    }),
  );
  const find: Finder = unplaced.size > 0 ? await parsingFinder(unplaced) : () => undefined;

  const place = (origin: SourceOrigin, placed: Position | undefined): SourceLocation | undefined => {
    const position = placed ?? known(origin) ?? find(origin);
    if (!position) return undefined;
    const sourceLine = lines.get(origin.file)?.[position.line - 1];
    const { line, column } = position;
    return sourceLine === undefined ? { line, column } : { line, column, sourceLine };
  };

  return diagnostics.map((diagnostic) => {
    const location = place(diagnostic.origin, diagnostic.location);
    const related = diagnostic.related?.map((origin): RelatedOrigin => {
      const at = place(origin, origin.location);
      return at ? { ...origin, location: at } : origin;
    });
    return { ...diagnostic, ...(location ? { location } : {}), ...(related ? { related } : {}) };
  });
};

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Diagnostics ordered as a compiler lists them: by file, then line and column; stable otherwise. */
export const sortDiagnostics = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  [...diagnostics].sort(
    (a, b) =>
      compare(a.origin.file, b.origin.file) ||
      compare(a.location?.line ?? 0, b.location?.line ?? 0) ||
      compare(a.location?.column ?? 0, b.location?.column ?? 0),
  );
