/**
 * Run one command as a child process and measure it: wall time from spawn to exit, and, for node
 * children started through `measuredNode`, the child's own peak RSS and CPU time (reported by a
 * preload, so the figures are per run and need no `/usr/bin/time`). CPU time tells how much of
 * the wall time was work when other processes compete for the cores.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measuredEnvironment } from "./environment.ts";

/** What one run took. */
export interface Measured {
  readonly wallMs: number;
  /** Peak resident set size in MB; undefined when the child could not report it. */
  readonly rssMb: number | undefined;
  /** User + system CPU time of the child's threads; undefined when it could not report it. */
  readonly cpuMs: number | undefined;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The preload that reports the peak RSS and CPU time. */
const USAGE_PRELOAD = new URL("./usage-at-exit.mjs", import.meta.url).href;

/** What the preload writes: `process.resourceUsage()` figures (kB, µs). */
interface Usage {
  readonly maxRSS: number;
  readonly userCPUTime: number;
  readonly systemCPUTime: number;
}

/** Arguments that run `node <args>` with the usage preload. */
export const measuredNode = (args: readonly string[]): [string, string[]] => [process.execPath, ["--import", USAGE_PRELOAD, ...args]];

/** Run `command args` in `cwd`, in the measured environment (see `environment.ts`) with `env` added, capturing its output; never throws for a failing command. */
export const measure = async (command: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<Measured> => {
  const scratch = await mkdtemp(join(tmpdir(), "typeflake-bench-"));
  const usageFile = join(scratch, "usage.json");
  try {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...measuredEnvironment(), ...env, TYPEFLAKE_BENCH_USAGE_FILE: usageFile, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    const usage = await readFile(usageFile, "utf8").then((text) => JSON.parse(text) as Usage, () => undefined);
    return {
      wallMs,
      rssMb: usage && usage.maxRSS / 1024,
      cpuMs: usage && (usage.userCPUTime + usage.systemCPUTime) / 1000,
      exitCode,
      stdout: Buffer.concat(stdout).toString(),
      stderr: Buffer.concat(stderr).toString(),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
