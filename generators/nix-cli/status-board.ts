/**
 * The per-host status of a multi-host run. On a terminal (and not under CI) it keeps one live
 * line per host, with elapsed time, below the hosts' scrolling output; elsewhere it writes plain
 * log lines, one per event, that read well in a CI log.
 */
import type { WriteStream } from "node:tty";
import pc from "picocolors";
import type { CommandIo } from "../command/command-context.ts";
import type { LineSinks } from "./run.ts";
import type { HostOutcome } from "./summary.ts";
import { describeResult, formatElapsed } from "./summary.ts";

type HostState =
  | { readonly phase: "waiting" }
  | { readonly phase: "running"; readonly startedAt: number }
  | { readonly phase: "done"; readonly outcome: HostOutcome };

const REDRAW_MS = 1_000;

/** Whether `CI` says we are under continuous integration (`CI=true`, `CI=1`, …). */
const isCi = (env: NodeJS.ProcessEnv): boolean =>
  env.CI !== undefined && !["", "0", "false"].includes(env.CI.toLowerCase());

/** Whether a live status fits this output: stderr is a terminal and this is not CI. */
export const canShowLiveStatus = (io: CommandIo): boolean =>
  (io.stderr as Partial<WriteStream>).isTTY === true && !isCi(io.env);

/** Status lines for a set of hosts, and their prefixed output. */
export class StatusBoard {
  readonly #io: CommandIo;
  readonly #states = new Map<string, HostState>();
  readonly #width: number;
  readonly #live: boolean;
  readonly #colors: ReturnType<typeof pc.createColors>;
  #drawnLines = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(io: CommandIo, hosts: readonly string[], live: boolean) {
    this.#io = io;
    this.#live = live;
    this.#colors = pc.createColors(live && io.env.NO_COLOR === undefined);
    this.#width = Math.max(...hosts.map((host) => host.length));
    for (const host of hosts) this.#states.set(host, { phase: "waiting" });
    if (live) {
      this.#draw();
      this.#timer = setInterval(() => this.#redraw(() => {}), REDRAW_MS);
      this.#timer.unref();
    }
  }

  /** Where a host's output goes: each line prefixed with the host's name. */
  sinks(host: string): LineSinks {
    const prefix = `[${host}]`.padEnd(this.#width + 2);
    return {
      stdout: (line) => this.#write(this.#io.stdout, `${prefix} ${line}`),
      stderr: (line) => this.#write(this.#io.stderr, `${prefix} ${line}`),
    };
  }

  /** The host's command has started. */
  started(host: string): void {
    this.#states.set(host, { phase: "running", startedAt: Date.now() });
    if (this.#live) this.#redraw(() => {});
    else this.#io.stderr.write(`${host}: started\n`);
  }

  /** The host's command has ended (or will not run). */
  finished(outcome: HostOutcome): void {
    this.#states.set(outcome.host, { phase: "done", outcome });
    if (this.#live) this.#redraw(() => {});
    else if (outcome.elapsedMs !== undefined) {
      this.#io.stderr.write(`${outcome.host}: ${describeResult(outcome)} after ${formatElapsed(outcome.elapsedMs)}\n`);
    }
  }

  /** Stop the clock; the final status lines stay on screen. */
  close(): void {
    clearInterval(this.#timer);
  }

  #write(stream: NodeJS.WritableStream, line: string): void {
    if (this.#live) this.#redraw(() => stream.write(`${line}\n`));
    else stream.write(`${line}\n`);
  }

  // Erase the status lines, let `between` write above them, then draw them again.
  #redraw(between: () => void): void {
    if (this.#drawnLines > 0) this.#io.stderr.write(`\x1b[${this.#drawnLines}F\x1b[J`);
    between();
    this.#draw();
  }

  #draw(): void {
    // One screen line each, however narrow the terminal: a wrapped line would break the erasing.
    const width = Math.max(((this.#io.stderr as Partial<WriteStream>).columns ?? 80) - 3, 20);
    const lines = [...this.#states].map(([host, state]) => {
      const { mark, text } = this.#status(host.padEnd(this.#width), state);
      return `${mark} ${text.slice(0, width)}`;
    });
    this.#io.stderr.write(lines.map((line) => `${line}\n`).join(""));
    this.#drawnLines = lines.length;
  }

  #status(name: string, state: HostState): { mark: string; text: string } {
    const c = this.#colors;
    switch (state.phase) {
      case "waiting":
        return { mark: " ", text: `${name}  waiting` };
      case "running":
        return { mark: c.cyan("…"), text: `${name}  running ${formatElapsed(Date.now() - state.startedAt)}` };
      case "done": {
        const { outcome } = state;
        const time = outcome.elapsedMs === undefined ? "" : ` ${formatElapsed(outcome.elapsedMs)}`;
        const mark = outcome.status === "ok" ? c.green("✔") : outcome.status === "failed" ? c.red("✖") : "-";
        return { mark, text: `${name}  ${describeResult(outcome)}${time}` };
      }
    }
  }
}
