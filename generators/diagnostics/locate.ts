/**
 * Resolve diagnostics' object paths to file:line:col and source lines, just before they are
 * shown. ts-morph (and with it the TypeScript compiler) is imported only here and only when some
 * origin has no position yet, so a run without problems never loads it. One ts-morph project per
 * call; only the files that have problems are parsed, without resolving their imports.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic, RelatedOrigin, SourceLocation, SourceOrigin } from "./diagnostic.ts";
import { shallowSource } from "./locate-shallow.ts";
import { nodeAtObjectPath } from "./object-path-node.ts";

type Position = Pick<SourceLocation, "line" | "column">;
/** Finds the position of an origin in a parsed file, or undefined when the file cannot be read. */
type Finder = (origin: SourceOrigin) => Position | undefined;

/** A finder over `sources` (file → text), backed by one ts-morph project. */
const morphFinder = async (root: string, sources: ReadonlyMap<string, string>): Promise<Finder> => {
  const morph = await import("ts-morph");
  const project = new morph.Project({
    // Files are given their text (already read): reading them from disk again would parse the
    // original, whose nesting may overflow the parser, before it is replaced.
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: false, noLib: true },
  });
  // Parsed from the text already read for the source lines, so positions and lines agree; what is
  // nested deeper than any diagnostic points is blanked, so the parser cannot overflow the stack.
  const parsed = new Map(
    [...sources].map(([file, text]) => [file, project.createSourceFile(join(root, file), shallowSource(text), { overwrite: true })]),
  );
  return (origin) => {
    const source = parsed.get(origin.file);
    if (!source) return undefined;
    const node = nodeAtObjectPath(morph, source, origin.objectPath);
    return source.getLineAndColumnAtPos(node.getStart());
  };
};

/** The text of each readable file, read once. Folders and missing files have none. */
const readTexts = async (root: string, files: Iterable<string>): Promise<Map<string, string>> => {
  const entries = await Promise.all(
    [...new Set(files)].map(async (file) => [file, await readFile(join(root, file), "utf8").catch(() => undefined)] as const),
  );
  return new Map(entries.flatMap(([file, text]) => (text === undefined ? [] : [[file, text] as const])));
};

/**
 * Every diagnostic with `location` (line, column and the source line) filled in where its file
 * can be read, related places too. Diagnostics that already have a position (a syntax error
 * reported by the loader) keep it. Idempotent.
 */
export const locateDiagnostics = async (diagnostics: readonly Diagnostic[], root: string): Promise<Diagnostic[]> => {
  const origins: (SourceOrigin & { readonly location?: SourceLocation })[] = diagnostics.flatMap((diagnostic) => [
    { ...diagnostic.origin, ...(diagnostic.location ? { location: diagnostic.location } : {}) },
    ...(diagnostic.related ?? []),
  ]);
  const texts = await readTexts(root, origins.map((origin) => origin.file));
  const lines = new Map([...texts].map(([file, text]) => [file, text.split(/\r?\n/)]));
  const unplaced = new Map(
    origins.flatMap((origin) => {
      const text = origin.location ? undefined : texts.get(origin.file);
      return text === undefined ? [] : [[origin.file, text] as const];
    }),
  );
  const find: Finder = unplaced.size > 0 ? await morphFinder(root, unplaced) : () => undefined;

  const place = (origin: SourceOrigin, known: SourceLocation | undefined): SourceLocation | undefined => {
    const position = known ?? find(origin);
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
