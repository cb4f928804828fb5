/**
 * Instructions executed by one command, counted by valgrind's callgrind: the same count for the
 * same binary, inputs and environment whatever else the machine is doing (seen here: the same
 * total to 0.5 % with the other core busy), where wall and CPU times on a shared machine vary by
 * 20 % between identical runs. Only the command's own process is counted, not its children
 * (esbuild's service, git): callgrind does not follow them. About 40 times slower than a plain run.
 */
import { spawn } from "node:child_process";
import { measuredEnvironment } from "./environment.ts";

/** How valgrind prints the total: `==123== Collected : 1754295648`. */
const COLLECTED = /Collected : (\d+)/;

/** Whether valgrind can be run here. */
export const hasValgrind = async (): Promise<boolean> =>
  new Promise((resolve) => {
    const child = spawn("valgrind", ["--version"], { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });

/** The instructions `command args` executed in `cwd` (its own process only), or undefined when valgrind reported none. */
export const countInstructions = (command: string, args: readonly string[], cwd: string): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    const child = spawn("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", command, ...args], {
      cwd,
      env: { ...measuredEnvironment(), NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const stderr: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", () => {
      const match = COLLECTED.exec(Buffer.concat(stderr).toString());
      resolve(match ? Number(match[1]) : undefined);
    });
  });
