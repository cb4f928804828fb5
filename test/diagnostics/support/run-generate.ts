/**
 * Run `typeflake generate [args]` in this process, as a user would, with what it printed and its
 * exit code captured; and a snapshot of a fleet folder, to prove a run changed nothing.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { Command } from "commander";
import { vi } from "vitest";
import { registerGenerateCommands } from "../../../generators/cli/commands/generate.ts";

/** What a run left: its exit code and everything written to stdout and stderr. */
export interface GenerateRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `typeflake generate …args` on `root`. Runs touch process-wide state: never run two at once. */
export const runGenerate = async (root: string, ...args: string[]): Promise<GenerateRun> => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  process.exitCode = undefined;
  try {
    const program = new Command("typeflake").exitOverride();
    registerGenerateCommands(program, () => ({ root }));
    await program.parseAsync(["node", "typeflake", "generate", ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { exitCode, stdout: stdout.join(""), stderr: stderr.join("") };
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
