/**
 * Which option index validates the fleet's `nixos` blocks: the fleet's own
 * (`.typeflake/options/index.json`, written by `typeflake options sync` or `options import`) when
 * it has one, else the one typeflake ships. Read once per run and handed on as an argument. A
 * fleet index that cannot be read is a located error naming the file and the command that writes
 * it again — never a crash, and never a silent fall back to the shipped schema, whose verdicts on
 * the fleet's own options would be wrong.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { tsMorph } from "../lazy-ts-morph.ts";
import { FLEET_INDEX_PATH } from "../options/fleet-schema.ts";
import { DOCS_BLOCK } from "../options/runtime-index.ts";
import type { InputProblem, Parsed } from "../options/options-file.ts";
import { type OptionIndex, parseOptionIndex } from "../options/runtime-index.ts";
import { shippedOptionIndex } from "../options/shipped.ts";

/** The index to validate with (absent when the fleet's is damaged) and the problems reading it. */
export interface LoadedOptionIndex {
  readonly index?: OptionIndex;
  /** Where it came from: the fleet's `.typeflake/options/` or typeflake's shipped schema. */
  readonly source: "fleet" | "shipped";
  readonly diagnostics: readonly Diagnostic[];
}

/** The code of every problem with a fleet's index. */
export const DAMAGED_OPTION_INDEX = "damaged-option-index" as const;


/** Read the fleet's index at `root`, or take the shipped one when the fleet has none. */
export async function loadOptionIndex(root: string): Promise<LoadedOptionIndex> {
  const text = await readFile(join(root, ...FLEET_INDEX_PATH.split("/")), "utf8").catch(
    (cause: NodeJS.ErrnoException) => (cause.code === "ENOENT" ? undefined : cause),
  );
  if (text === undefined) return { index: shippedOptionIndex(), source: "shipped", diagnostics: [] };
  if (text instanceof Error) return damaged([{ line: 1, column: 1, message: `cannot be read (${text.message})` }]);
  // The quick reading first; anything odd about it, and the whole text is read and judged.
  const quick = withoutDocs(text);
  const parsedQuickly = quick === undefined ? undefined : readIndex(quick);
  if (parsedQuickly?.ok) return { index: parsedQuickly.value, source: "fleet", diagnostics: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return damaged([{ ...jsonErrorPosition(text), message: `is not JSON (${(cause as Error).message})` }]);
  }
  const parsed = parseOptionIndex(json, FLEET_INDEX_PATH);
  if (parsed.ok) return { index: parsed.value, source: "fleet", diagnostics: [] };
  return damaged(parsed.problems.map((problem) => ({ ...problemPosition(text, problem), message: describe(problem) })));
}

/** The index in `text`, or `undefined` when the text is not JSON. */
function readIndex(text: string): Parsed<OptionIndex> | undefined {
  try {
    return parseOptionIndex(JSON.parse(text), FLEET_INDEX_PATH);
  } catch {
    return undefined;
  }
}

/**
 * The index's text without its `docs` block, which typeflake writes last: the options'
 * documentation is most of a large index and validation needs none of it, so parsing stops
 * before it. `undefined` when the text does not end that way (a hand-made index: read it whole).
 */
function withoutDocs(text: string): string | undefined {
  // Strings in the index are on one line (JSON escapes line breaks): only the block starts a line so.
  const start = text.lastIndexOf(`\n${DOCS_BLOCK}`);
  if (start < 0 || !text.endsWith("\n  }\n}\n")) return undefined;
  const before = text.slice(0, start).trimEnd();
  return before.endsWith(",") ? `${before.slice(0, -1)}\n}\n` : undefined;
}

interface Placed {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const damaged = (problems: readonly Placed[]): LoadedOptionIndex => ({
  source: "fleet",
  diagnostics: problems.map(({ line, column, message }) => ({
    ...error(DAMAGED_OPTION_INDEX, { file: FLEET_INDEX_PATH, objectPath: [] }, { problem: message }),
    location: { line, column },
  })),
});

const describe = (problem: InputProblem): string =>
  `${problem.path.length ? `at ${problem.path.map(String).join(" › ")}: ` : ""}${problem.message}`;

/** The line of the first key of the problem's path found in the text (the index has one entry per line). */
function problemPosition(text: string, problem: InputProblem): { line: number; column: number } {
  const lines = text.split("\n");
  const keys = problem.path.filter((segment): segment is string => typeof segment === "string").reverse();
  for (const key of keys) {
    const quoted = JSON.stringify(key);
    const line = lines.findIndex((candidate) => candidate.includes(`${quoted}:`));
    if (line >= 0) return { line: line + 1, column: (lines[line]?.indexOf(quoted) ?? 0) + 1 };
  }
  return { line: 1, column: 1 };
}

/**
 * Where the text stops being JSON. Node's `JSON.parse` does not always say, so TypeScript's JSON
 * reader (through ts-morph, loaded only on this error path) finds the place.
 */
function jsonErrorPosition(text: string): { line: number; column: number } {
  const { ts } = tsMorph();
  const { error: problem } = ts.parseConfigFileTextToJson(FLEET_INDEX_PATH, text);
  if (problem?.file === undefined || problem.start === undefined) return { line: 1, column: 1 };
  const { line, character } = problem.file.getLineAndCharacterOfPosition(problem.start);
  return { line: line + 1, column: character + 1 };
}
