/**
 * Every raw `nix\`…\`` fragment of the fleet is parsed before anything is written, and a syntax
 * error is reported at the TypeScript place the fragment was written. With nix on PATH the real
 * `nix-instantiate --parse` decides, in one call for all fragments (one more per broken
 * fragment, to find the next); without it, typeflake's own recognizer of the Nix grammar does
 * (`nix/parse-check.ts`), so generating never needs nix.
 *
 * Each fragment is checked alone, as the body of `with <arguments>;`, so it must be exactly one
 * expression (a fragment such as `1) (2` or `a = 1;` is refused) and every variable counts as
 * bound, as the module's arguments are in the generated file. Interpolated values are printed as
 * lowering prints them (`pkgs.curl`, `"10.0.20.11"`), so the text checked is the text written.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NixValue, RawNix } from "../../dsl/expressions.ts";
import type { RawNixChecker } from "../diagnostics/codes/validate.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { fleetFiles, type Fleet } from "../model/fleet.ts";
import { valueLowerer } from "../lower/value.ts";
import { nixSyntaxError, type NixSyntaxError } from "../nix/parse-check.ts";
import { NixPrintError, printNixTerm } from "../nix/print.ts";
import { writtenByEntry, writtenExpressions, writtenOf, type WrittenByEntry, type WrittenExpression } from "../model/written-expressions.ts";

/** One raw fragment: its text as checked and where it was written. */
interface Fragment {
  readonly text: string;
  /** The text with each interpolated expression value replaced by {@link VALUE_MARKER}. */
  readonly marked: string;
  readonly origin: SourceOrigin;
}

/** Stands for an interpolated value: a variable is valid wherever a value is. */
const VALUE_MARKER = "__typeflakeValue";

/**
 * Prints interpolated values as a host file's lowering does; names that depend on the file (the
 * package set, the secrets backend, addresses) do not change the syntax.
 */
const LOWERER = valueLowerer({ packages: "pkgs", secretsBackend: "sops", hostAddress: () => "192.0.2.1" });

const valueText = (value: NixValue): string => {
  try {
    return printNixTerm(LOWERER.lower(value));
  } catch (thrown) {
    // A value the printer refuses is reported by validation already; check the rest of the fragment.
    if (thrown instanceof NixPrintError) return VALUE_MARKER;
    throw thrown;
  }
};

/**
 * Numbers and booleans read the same as text inside a string; other values do not, nor does a
 * negative number, which is spliced in parentheses.
 */
const isLiteral = (value: NixValue): boolean => (typeof value === "number" && value >= 0) || typeof value === "boolean";

/** First line of each checked file: the scope every variable of the fragment is taken from. */
const PRELUDE = "__typeflakeArguments: with __typeflakeArguments;\n";

const toFragment = (parts: readonly (string | NixValue)[], origin: SourceOrigin): Fragment => ({
  text: parts.map((part) => (typeof part === "string" ? part : valueText(part))).join(""),
  marked: parts.map((part) => (typeof part === "string" ? part : isLiteral(part) ? valueText(part) : VALUE_MARKER)).join(""),
  origin,
});

/**
 * Every raw fragment in the fleet's definitions, with the path of the expression that holds it;
 * `written`: the expressions found in the fleet's files (the index's), by default looked for now.
 */
export const rawFragments = (fleet: Fleet, written: WrittenByEntry = writtenByEntry(fleetFiles(fleet))): Fragment[] => {
  const fragmentsIn = (file: string, expressions: readonly WrittenExpression[]) =>
    expressions.flatMap(({ expression, path }) => (expression.kind === "raw" ? [toFragment((expression as RawNix).parts, { file, objectPath: path })] : []));
  return [
    ...fragmentsIn(fleet.configFile, writtenExpressions(fleet.config)),
    ...fleetFiles(fleet).flatMap((entry) => fragmentsIn(entry.file, writtenOf(written, entry))),
  ];
};

const diagnostic = (fragment: Fragment, problem: NixSyntaxError, checker: RawNixChecker): Diagnostic =>
  error("raw-nix-syntax", fragment.origin, {
    checker,
    problem: problem.message,
    line: problem.line,
    column: problem.column,
    sourceLine: fragment.text.split("\n")[problem.line - 1] ?? "",
  });

/** Problems the printer cannot work around, whatever checks the syntax. */
const layoutProblem = (fragment: Fragment): NixSyntaxError | undefined => {
  const cr = /\r(?!\n)/.exec(fragment.text);
  if (cr) {
    const before = fragment.text.slice(0, cr.index).split("\n");
    return {
      line: before.length,
      column: before.at(-1)!.length + 1,
      message: "it has a carriage return that is not part of a CRLF line break; generated files use LF line endings",
    };
  }
  const problem = nixSyntaxError(fragment.marked, { embedded: true, valueMarker: VALUE_MARKER });
  // Only embedding is this check's business: syntax is judged on the written text, by nix when present.
  return problem?.embedding ? problem : undefined;
};

type Spawn = (args: readonly string[]) => Promise<{ readonly code: number | "missing"; readonly stderr: string }>;

const spawnNix: Spawn = (args) =>
  new Promise((resolve) => {
    execFile("nix-instantiate", args, { maxBuffer: 64 * 1024 * 1024 }, (failure, _stdout, stderr) => {
      if (failure && (failure as NodeJS.ErrnoException).code === "ENOENT") resolve({ code: "missing", stderr: "" });
      else resolve({ code: failure ? (typeof failure.code === "number" ? failure.code : 1) : 0, stderr: String(stderr) });
    });
  });

/** nix's report of a parse error in file `f<index>.nix`: the index, position and message. */
const NIX_ERROR = /error: ([^\n]*)[\s\S]*?at (?:[^\n]*\/)?f(\d+)\.nix:(\d+):(\d+)/;

/**
 * Syntax errors of `fragments` by index, from nix-instantiate; undefined when nix is not on PATH
 * or answered in a way that cannot be read (then the caller checks by itself).
 */
const nixErrors = async (fragments: readonly Fragment[], spawn: Spawn): Promise<Map<number, NixSyntaxError> | undefined> => {
  const dir = await mkdtemp(join(tmpdir(), "typeflake-raw-"));
  try {
    const files = fragments.map((_, index) => join(dir, `f${index}.nix`));
    await Promise.all(fragments.map((fragment, index) => writeFile(files[index]!, PRELUDE + fragment.text)));
    const errors = new Map<number, NixSyntaxError>();
    let next = 0;
    while (next < files.length) {
      const { code, stderr } = await spawn(["--parse", ...files.slice(next)]);
      if (code === "missing") return undefined;
      if (code === 0) break;
      const match = NIX_ERROR.exec(stderr);
      const index = match ? Number(match[2]) : Number.NaN;
      if (!match || !(index >= next)) return undefined;
      const line = Number(match[3]) - 1;
      errors.set(index, { line: Math.max(1, line), column: line < 1 ? 1 : Number(match[4]), message: match[1]!.trim() });
      next = index + 1;
    }
    return errors;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * A diagnostic for every raw fragment of `fleet` that is not one valid Nix expression. `spawn`
 * runs nix-instantiate (replaceable in tests); with `useNix: false` only the own check runs.
 */
export const checkRawNix = async (fleet: Fleet, options: { readonly useNix?: boolean; readonly spawn?: Spawn; readonly written?: WrittenByEntry } = {}): Promise<Diagnostic[]> => {
  const fragments = rawFragments(fleet, options.written);
  if (fragments.length === 0) return [];
  const layout = fragments.map(layoutProblem);
  const fromNix = options.useNix === false ? undefined : await nixErrors(fragments, options.spawn ?? spawnNix);
  return fragments.flatMap((fragment, index) => {
    const syntax = fromNix ? fromNix.get(index) : nixSyntaxError(fragment.text);
    if (syntax) return [diagnostic(fragment, syntax, fromNix ? "nix" : "typeflake")];
    const problem = layout[index];
    return problem ? [diagnostic(fragment, problem, "printed")] : [];
  });
};
