/**
 * Run one command as a child process and measure it: wall time from spawn to exit, and, for node
 * children started through `measuredNode`, the child's own peak RSS (reported by a preload, so
 * the figure is per run and needs no `/usr/bin/time`).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one run took. */
export interface Measured {
  readonly wallMs: number;
  /** Peak resident set size in MB; undefined when the child could not report it. */
  readonly rssMb: number | undefined;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The preload that reports the peak RSS. */
const RSS_PRELOAD = new URL("./rss-at-exit.mjs", import.meta.url).href;

/** Arguments that run `node <args>` with the RSS preload. */
export const measuredNode = (args: readonly string[], nodeOptions: readonly string[] = []): [string, string[]] => [
  process.execPath,
  ["--import", RSS_PRELOAD, ...nodeOptions, ...args],
];

/** Run `command args` in `cwd`, capturing its output; never throws for a failing command. */
export const measure = async (command: string, args: readonly string[], cwd: string): Promise<Measured> => {
  const scratch = await mkdtemp(join(tmpdir(), "typeflake-bench-"));
  const rssFile = join(scratch, "rss");
  try {
    const env = { ...process.env, TYPEFLAKE_BENCH_RSS_FILE: rssFile, NO_COLOR: "1" };
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    const rssKb = Number(await readFile(rssFile, "utf8").catch(() => "NaN"));
    return {
      wallMs,
      rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined,
      exitCode,
      stdout: Buffer.concat(stdout).toString(),
      stderr: Buffer.concat(stderr).toString(),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
