/**
 * Run `typeflake generate [args]` in this process, as a user would, with what it printed and its
 * exit code captured; and a snapshot of a fleet folder, to prove a run changed nothing.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { expect } from "vitest";
import { registerGenerateCommands } from "../../../generators/cli/commands/generate.ts";
import type { DiagnosticRecord } from "../../../generators/diagnostics/json.ts";
import { type CommandRun, runCommand } from "../../support/run-command.ts";

/** What a run left: its exit code and everything written to stdout and stderr. */
export type GenerateRun = CommandRun;

/** `typeflake generate …args` on `root`, in this process. */
export const runGenerate = (root: string, ...args: string[]): Promise<GenerateRun> =>
  runCommand([registerGenerateCommands], ["generate", ...args], { root, cwd: root });

/** The diagnostics of one code a `generate --json` run on `root` reports; the run must succeed (warnings only). */
export const warningsOf = async (root: string, code: string): Promise<DiagnosticRecord[]> => {
  const run = await runGenerate(root, "--json");
  expect(run.exitCode, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as DiagnosticRecord[]).filter((record) => record.code === code);
};

/** Every file under `root` (its `.git` folder aside) with its content. */
export const snapshotFolder = async (root: string): Promise<Record<string, string>> => {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(root, file).startsWith(".git/"));
  const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
  return Object.fromEntries(files.map((file, index) => [relative(root, file), texts[index] as string]).sort());
};
