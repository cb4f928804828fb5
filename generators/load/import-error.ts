/**
 * What went wrong while importing a fleet file, as diagnostics: syntax errors (from esbuild, via
 * tsx) at their line and column, exceptions thrown while the file ran at the line in that file,
 * imports that do not resolve. Paths inside messages are made relative to the fleet root, so a
 * report reads the same on every machine.
 */
import { sep } from "node:path";
import { pathToFileURL } from "node:url";
import * as typeflake from "../../dsl/index.ts";
import { error, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";

/** The fleet root and the file whose import failed. */
export interface ImportTarget {
  /** Absolute fleet root. */
  readonly root: string;
  /** The file, relative to the root with `/` separators. */
  readonly file: string;
}

/** Paths in `text` made relative to the root; tsx's and typeflake's URL queries removed. */
const relativize = (target: ImportTarget, text: string): string =>
  text
    .replaceAll(`${pathToFileURL(target.root).href}/`, "")
    .replaceAll(`${target.root}${sep}`, "")
    .replace(/\?(typeflake-load|namespace|tsx-namespace)=[^\s:)'"]*/g, "");

/** esbuild's report lines: `/abs/file.ts:2:11: ERROR: Expected identifier but found ";"` (0-based column). */
const ESBUILD_ERROR = /^(.+?):(\d+):(\d+): ERROR: (.*)$/gm;

const syntaxErrors = (target: ImportTarget, message: string): Diagnostic[] =>
  [...message.matchAll(ESBUILD_ERROR)].map(([, path = "", line = "1", column = "0", text = ""]) => {
    const file = relativize(target, path);
    const inside = !file.startsWith("/");
    return {
      ...error("syntax-error", { file: inside ? file : target.file, objectPath: [] }, `syntax error: ${relativize(target, text)}${inside ? "" : ` (in ${file})`}`),
      ...(inside ? { location: { line: Number(line), column: Number(column) + 1 } } : {}),
    };
  });

/** Stack frames `at fn (/abs/file.ts:3:38)` or `at /abs/file.ts:3:38`, as relative file and position. */
const stackFrames = (target: ImportTarget, stack: string): { file: string; location: SourceLocation }[] =>
  [...stack.matchAll(/^\s+at (?:.*?\()?(.+?):(\d+):(\d+)\)?$/gm)].map(([, path = "", line = "1", column = "1"]) => ({
    file: relativize(target, path),
    location: { line: Number(line), column: Number(column) },
  }));

/**
 * Node reports an import of a name a module does not export as a SyntaxError whose stack starts
 * with `/abs/file.ts:1`, the source line and a caret under the name.
 */
const linkErrorLocation = (stack: string): SourceLocation | undefined => {
  const match = /^[^\n]*:(\d+)\n[^\n]*\n( *)\^/.exec(stack);
  return match ? { line: Number(match[1]), column: (match[2]?.length ?? 0) + 1 } : undefined;
};

const TYPEFLAKE_EXPORTS = Object.keys(typeflake);

/** A hint for names `"typeflake"` does not export: `defineHots` → `defineHost`. */
const exportHint = (message: string): string => {
  const name = /module 'typeflake' does not provide an export named '([^']+)'/.exec(message)?.[1];
  return name === undefined ? "" : didYouMean(name, TYPEFLAKE_EXPORTS);
};

const NOT_INSTALLED =
  'the "typeflake" package cannot be found from this fleet: install it in the fleet\'s project (npm install typeflake); fleets inside the typeflake repository find it through its package.json';

/**
 * The stack as Node formats it: in the TypeScript that was written when source maps are on (tsx
 * turns them on). A test runner may install its own formatter, which knows nothing of tsx's maps;
 * V8 formats a stack once, on first read, so reading it here with Node's formatter is enough.
 */
const nodeStack = (error: Error): string => {
  // @types/node declares the hook as always set; by default it is not, and unset means Node's own.
  const v8 = Error as { prepareStackTrace?: unknown };
  const installed = v8.prepareStackTrace;
  v8.prepareStackTrace = undefined;
  try {
    return error.stack ?? "";
  } finally {
    v8.prepareStackTrace = installed;
  }
};

/** Diagnostics for `thrown`, the reason importing `target.file` failed. */
export const importFailure = (target: ImportTarget, thrown: unknown): Diagnostic[] => {
  if (!(thrown instanceof Error)) {
    return [error("load-error", { file: target.file, objectPath: [] }, `threw ${JSON.stringify(thrown) ?? String(thrown)} while loading`)];
  }
  const stack = nodeStack(thrown);
  const syntax = thrown.message.startsWith("Transform failed") ? syntaxErrors(target, thrown.message) : [];
  if (syntax.length > 0) return syntax;

  const origin = { file: target.file, objectPath: [] };
  const message = relativize(target, thrown.message);
  if (/Cannot find (package|module) 'typeflake'/.test(thrown.message)) return [error("typeflake-not-found", origin, NOT_INSTALLED)];
  // An import that does not resolve or link fails before the file runs; a SyntaxError thrown by
  // the file's own code (JSON.parse) is an ordinary throw, below.
  const link = thrown instanceof SyntaxError ? linkErrorLocation(stack) : undefined;
  if (link || (thrown as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND") {
    const diagnostic = error("load-error", origin, `cannot load this file: ${message}${exportHint(thrown.message)}`);
    return [link ? { ...diagnostic, location: link } : diagnostic];
  }

  // Frames in the fleet's own files: not outside the root, not in node_modules, not Node's internals.
  const frames = stackFrames(target, stack).filter(
    ({ file }) => !file.startsWith("/") && !/^[a-z]+:/.test(file) && !file.includes("node_modules/"),
  );
  const here = frames.find((frame) => frame.file === target.file);
  const top = frames[0];
  const elsewhere = top && top !== here ? ` (thrown at ${top.file}:${top.location.line}:${top.location.column})` : "";
  const diagnostic = error("load-error", origin, `threw while loading: ${thrown.name}: ${message}${elsewhere}`);
  return [here ? { ...diagnostic, location: here.location } : diagnostic];
};
