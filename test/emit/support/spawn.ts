/**
 * Run `child.ts` as a process of its own, synchronously or in the background, with the fault
 * hook's environment variables. The child is bundled once per test file with esbuild (a plain
 * `.mjs`), because the crash tests start it dozens of times and loading TypeScript through tsx
 * costs a second or more per start on a busy machine.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll } from "vitest";

const SOURCE = fileURLToPath(new URL("./child.ts", import.meta.url));

let bundled: string | undefined;
const bundleFolders: string[] = [];
afterAll(() => Promise.all(bundleFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))));

/** Bundle the child; call in `beforeAll` before `runChild` or `startChild`. */
export async function prepareChild(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "typeflake-child-"));
  bundleFolders.push(folder);
  const outfile = join(folder, "child.mjs");
  await build({ entryPoints: [SOURCE], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "error" });
  bundled = outfile;
}

/** How a child ended and what it printed. */
export interface ChildRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The parsed last line of stdout, when the child got that far. */
  readonly output?: { readonly result: Record<string, unknown>; readonly operations: number };
}

const environment = (env: Record<string, string>) => ({ ...process.env, NO_COLOR: "1", ...env });

function script(): string {
  if (bundled === undefined) throw new Error("call prepareChild() in beforeAll first");
  return bundled;
}

/** Run the child to its end (or its fault). */
export function runChild(args: readonly string[], env: Record<string, string> = {}): ChildRun {
  const run = spawnSync(process.execPath, [script(), ...args], { encoding: "utf8", env: environment(env) });
  return finished(run.status, run.signal, run.stdout, run.stderr);
}

/** Start the child in the background; `done` resolves when it ends. */
export function startChild(
  args: readonly string[],
  env: Record<string, string> = {},
): { readonly process: ChildProcess; readonly done: Promise<ChildRun>; readonly stderr: () => string } {
  const child = spawn(process.execPath, [script(), ...args], { env: environment(env) });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<ChildRun>((resolve) => child.on("close", (status, signal) => resolve(finished(status, signal, stdout, stderr))));
  return { process: child, done, stderr: () => stderr };
}

function finished(status: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string): ChildRun {
  const last = stdout.trim().split("\n").at(-1);
  let output: ChildRun["output"];
  try {
    output = last ? JSON.parse(last) : undefined;
  } catch {
    output = undefined;
  }
  return { status, signal, stdout, stderr, ...(output && { output }) };
}
