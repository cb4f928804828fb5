/**
 * What went wrong while loading a fleet file, as diagnostics: what esbuild refused (syntax errors,
 * imports that do not resolve or name nothing) at their line and column, exceptions thrown while
 * the file ran at the line in that file. Paths inside messages are made relative to the fleet root, so a
 * report reads the same on every machine.
 */
import { resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import * as typeflake from "../../dsl/index.ts";
import type { Message } from "esbuild";
import { error, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.ts";
import type { LoadFailure, ThrownAt } from "../diagnostics/codes/load.ts";
import { suggestionFor } from "../diagnostics/suggest.ts";
import { errorWords, thrownText } from "../diagnostics/thrown-text.ts";

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

/** esbuild's words for an import it could not follow, as opposed to a syntax error. */
const UNRESOLVED = /^(Could not resolve|No matching export|No loader is configured)/;

/**
 * Diagnostics for what esbuild refused while bundling `target.file`: each at its file, line and
 * column, in a fleet file the user wrote (a local helper's error is reported in the helper).
 */
export const buildFailure = (target: ImportTarget, messages: readonly Message[]): Diagnostic[] =>
  messages.map((message) => {
    const file = message.location ? relativize(target, resolve(target.root, message.location.file)) : target.file;
    const inside = !file.startsWith("/") && !file.startsWith("../");
    const text = relativize(target, message.text);
    const origin = { file: inside ? file : target.file, objectPath: [] };
    const diagnostic = UNRESOLVED.test(message.text)
      ? error("load-error", origin, { kind: "unresolved", text, ...exportSuggestion(message.text) })
      : error("syntax-error", origin, inside ? { text } : { text, file });
    return message.location && inside ? { ...diagnostic, location: { line: message.location.line, column: message.location.column + 1 } } : diagnostic;
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

/** For a name `"typeflake"` does not export, the closest one it does: `defineHots` → `defineHost`. */
const exportSuggestion = (message: string): { suggestion?: string } => {
  const name = /No matching export in "typeflake:typeflake" for import "([^"]+)"/.exec(message)?.[1];
  return name === undefined ? {} : suggestionFor(name, TYPEFLAKE_EXPORTS);
};

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
    const { stack } = error;
    return typeof stack === "string" ? stack : "";
  } catch {
    // A getter of the error's own (its `stack`, or the `message` V8 reads to format it) threw: no frames to locate it by.
    return "";
  } finally {
    v8.prepareStackTrace = installed;
  }
};

/** Diagnostics for `thrown`, the reason importing `target.file` failed. */
export const importFailure = (target: ImportTarget, thrown: unknown): Diagnostic[] => {
  if (!(thrown instanceof Error)) {
    return [error("load-error", { file: target.file, objectPath: [] }, { kind: "thrown-value", value: thrownText(thrown) })];
  }
  const stack = nodeStack(thrown);
  const origin = { file: target.file, objectPath: [] };
  const words = errorWords(thrown);
  const message = relativize(target, words.message);
  // An import that does not resolve or link fails before the file runs; a SyntaxError thrown by
  // the file's own code (JSON.parse) is an ordinary throw, below.
  const link = thrown instanceof SyntaxError ? linkErrorLocation(stack) : undefined;
  if (link || (thrown as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND") {
    const diagnostic = error("load-error", origin, { kind: "link", message, ...exportSuggestion(words.message) });
    return [link ? { ...diagnostic, location: link } : diagnostic];
  }

  // Frames in the fleet's own files: not outside the root, not in node_modules, not Node's internals.
  const frames = stackFrames(target, stack).filter(
    ({ file }) => !file.startsWith("/") && !/^[a-z]+:/.test(file) && !file.includes("node_modules/"),
  );
  const here = frames.find((frame) => frame.file === target.file);
  const top = frames[0];
  const overflow = thrown instanceof RangeError && message.startsWith("Maximum call stack size exceeded");
  const failure = (thrownAt: ThrownAt | undefined): LoadFailure => {
    const elsewhere = thrownAt && { thrownAt };
    if (overflow) return { kind: "overflow", message, ...elsewhere };
    const causes = words.causes.map((cause) => relativize(target, cause));
    return { kind: "threw", name: words.name, message, ...elsewhere, ...(causes.length > 0 && { causes }) };
  };
  // Thrown by another fleet file as it loaded, with no call of this file's on the way (a helper's
  // own top level): its mistake, reported there, once for all the files that import it.
  if (!here && top) return [{ ...error("load-error", { file: top.file, objectPath: [] }, failure(undefined)), location: top.location }];
  const thrownAt = top && top !== here ? { file: top.file, line: top.location.line, column: top.location.column } : undefined;
  const diagnostic = error("load-error", origin, failure(thrownAt));
  return [here ? { ...diagnostic, location: here.location } : diagnostic];
};
