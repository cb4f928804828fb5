/**
 * Human-readable reports of `checkPlan` and `writePlan` results. Plain text unless asked for
 * colour (decide that with `colorEnabled`), so tests and CI logs see exactly the same words.
 * Paths, messages and diffs name files of the user's tree and show their content, which may hold
 * control or bidi characters: they go through `terminalText`/`terminalLine` (as diagnostics do),
 * never raw to the terminal.
 */
import { terminalLine, terminalLines, terminalText } from "../diagnostics/terminal-text.ts";
import type { KeptFile } from "./actions.ts";
import { type CheckResult, type DriftedFile, hasDrift } from "./check.ts";
import { type Palette, palette } from "./color.ts";
import { MANIFEST_PATH } from "./manifest.ts";
import { comparePaths } from "./paths.ts";
import type { EmitProblem } from "./problems.ts";
import type { Recovery } from "./recover.ts";
import type { WriteResult } from "./write.ts";

/** Options of the formatters. */
export interface ReportOptions {
  /** Emit ANSI colours; pass `colorEnabled(process.stdout, process.env)`. */
  readonly color: boolean;
}

const REGENERATE = "Run `npm run generate` to update the generated files, then commit them.";
const RESOLVE_THEN_REGENERATE = "Resolve the problems above, then run `npm run generate` and commit the result.";

/**
 * The `--check` / `diff` report: one git-style diff per drifted file (in path order, like
 * `git diff`), then one summary line per file, then what to do. Ends with a line break.
 */
export function formatCheckReport(result: CheckResult, options: ReportOptions): string {
  const c = palette(options.color);
  if (!hasDrift(result) && result.failed.length === 0) {
    return `Generated files are up to date (${plural(result.unchanged.length, "file")}).\n`;
  }
  const drifted = [...result.missing, ...result.changed, ...result.stale, ...result.orphaned].sort((a, b) => comparePaths(a.path, b.path));
  const summary = [
    ...result.missing.map((file) => `${c.bold("missing:")} ${terminalText(file.path)} (from ${terminalText(file.source)})`),
    ...result.changed.map((file) => `${c.bold("changed:")} ${terminalText(file.path)} (from ${terminalText(file.source)})`),
    ...result.stale.map((file) => `${c.bold("stale:")} ${terminalText(file.path)} (no longer generated from ${terminalText(file.source)})`),
    ...result.orphaned.map((file) => `${c.bold("orphaned:")} ${terminalText(file.path)} (carries typeflake's header but is in no manifest; generate removes it)`),
    ...result.temporary.map((path) => `${c.bold("temporary:")} ${terminalText(path)} (left by an interrupted run; generate removes it)`),
    ...result.keptModified.map((file) => keptLine(file, c)),
    ...(result.manifestOutdated ? [`${c.bold("manifest:")} ${MANIFEST_PATH} is out of date`] : []),
    ...problemLines(result.refused, result.failed, c),
  ];
  // An I/O failure is not fixed by regenerating; its message says what to do instead.
  const advice = result.failed.length > 0 ? [] : [result.refused.length > 0 ? RESOLVE_THEN_REGENERATE : REGENERATE];
  const diffs = drifted.map((file) => colorPatch(file, c)).join("");
  return `${diffs}${diffs && "\n"}${[...summary, ...advice].join("\n")}\n`;
}

/** The `generate` report: what changed, what was kept or refused, and a one-line count. */
export function formatWriteReport(result: WriteResult, options: ReportOptions): string {
  const c = palette(options.color);
  const lines = [
    ...(result.recovery ? recoveryLines(result.recovery, c) : []),
    ...result.created.map((path) => `${c.green("created:")} ${terminalText(path)}`),
    ...result.updated.map((path) => `${c.green("updated:")} ${terminalText(path)}`),
    ...result.removed.map((path) => `${c.green("removed:")} ${terminalText(path)}`),
    ...result.keptModified.map((file) => keptLine(file, c)),
    ...problemLines(result.refused, result.failed, c),
  ];
  if (result.refused.length > 0 || result.failed.length > 0) lines.push("Nothing was written.");
  else {
    const counts = [`${result.created.length} created`, `${result.updated.length} updated`, `${result.unchanged.length} unchanged`, `${result.removed.length} removed`];
    lines.push(`Generated files: ${counts.join(", ")}.`);
  }
  return `${lines.join("\n")}\n`;
}

/** What the start of a command did about an interrupted run; empty when there was nothing to do. */
export function formatRecovery(recovery: Recovery, options: ReportOptions): string {
  const lines = recoveryLines(recovery, palette(options.color));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Why an interrupted run could not be recovered (the command then stops, exit 2). */
export function formatRecoveryFailure(problem: EmitProblem, options: ReportOptions): string {
  return `${problemLines([], [problem], palette(options.color)).join("\n")}\nNothing was written.\n`;
}

function recoveryLines(recovery: Recovery, c: Palette): string[] {
  const lines: string[] = [];
  const run = recovery.interrupted ? `pid ${recovery.interrupted.pid}, started ${recovery.interrupted.startedAt}` : "";
  if (recovery.outcome === "completed") {
    lines.push(`${c.yellow("recovered:")} completed an interrupted generate (${run}): ${plural(recovery.paths.length, "file")} now as it meant to write them.`);
  } else if (recovery.outcome === "rolled-back") {
    lines.push(`${c.yellow("recovered:")} rolled back an interrupted generate (${run}): ${plural(recovery.paths.length, "file")} as before it started.`);
  }
  if (recovery.temporaries.length > 0) {
    lines.push(`${c.yellow("recovered:")} removed ${plural(recovery.temporaries.length, "temporary file")} left by an interrupted run.`);
  }
  return lines;
}

function keptLine(file: KeptFile, c: Palette): string {
  return `${c.yellow("kept:")} ${terminalText(file.path)} ${terminalText(file.message)}`;
}

function problemLines(refused: readonly EmitProblem[], failed: readonly EmitProblem[], c: Palette): string[] {
  return [...refused, ...failed].map((problem) => {
    const line = `${c.red("error:")} ${terminalText(problem.path)} ${terminalText(problem.message)} [${problem.code}]`;
    return problem.detail === undefined ? line : `${line}\n${terminalLines(problem.detail.replace(/\n$/, ""))}`;
  });
}

/** Colour a patch line by line; header lines are those before the first hunk. Lines are escaped before they are coloured. */
function colorPatch(file: DriftedFile, c: Palette): string {
  let inHeader = true;
  return file.diff
    .split("\n")
    .map(terminalLine)
    .map((line) => {
      if (line.startsWith("@@")) {
        inHeader = false;
        return c.cyan(line);
      }
      if (inHeader) return c.bold(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      return line;
    })
    .join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
