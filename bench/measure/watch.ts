/**
 * `generate --watch` after an edit, as a user waits for it: one watch started and left to finish
 * its first run, then each edit timed from the file's write to the line that says the watch waits
 * again (its 40 ms quiet spell included). Wall time only: the CPU of a process that runs on is
 * not one run's, and its peak memory is the whole session's.
 */
import { spawn } from "node:child_process";
import type { Measured } from "./child.ts";

/** The line a watch prints when a run is done. */
const WAITING = "Watching for changes";

/** Edits the fleet once per run (differently each time); `restore`, when given, puts it back at the end. */
export interface WatchedEdit {
  readonly change: (run: number) => void | Promise<void>;
  readonly restore?: () => void;
}

/**
 * `runs` edits of the fleet at `root` under `node <cli> generate --watch`, each measured; a
 * failed start or a run that never ends (60 s) is a failed measurement, with what the watch printed.
 */
export const measureWatch = async (cli: string, root: string, edit: WatchedEdit, runs: number, cwd: string): Promise<Measured[]> => {
  const child = spawn(process.execPath, [cli, "generate", "--watch", "-C", root], { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  let printed = "";
  let waiting = 0;
  const listeners: (() => void)[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
    const count = printed.split(WAITING).length - 1;
    if (count === waiting) return;
    waiting = count;
    listeners.splice(0).forEach((listener) => listener());
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const nextRun = () =>
    Promise.race([
      new Promise<boolean>((resolve) => listeners.push(() => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
      exited.then(() => false),
    ]);
  const failed = (): Measured[] => [{ wallMs: Number.NaN, rssMb: undefined, cpuMs: undefined, exitCode: child.exitCode ?? 1, stdout: "", stderr: printed }];
  try {
    if (waiting === 0 && !(await nextRun())) return failed();
    const measured: Measured[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Past the quiet spell of the last run's own writes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      const done = nextRun();
      await edit.change(run);
      if (!(await done)) return failed();
      measured.push({ wallMs: performance.now() - started, rssMb: undefined, cpuMs: undefined, exitCode: 0, stdout: "", stderr: "" });
    }
    return measured;
  } finally {
    child.kill("SIGTERM");
    await exited;
    edit.restore?.();
  }
};
