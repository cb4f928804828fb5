/**
 * Run one command line: print it (shell-quoted, ready to copy), then run it with its output
 * streamed, never swallowed. `--dry-run` prints and stops there. A program that is not on PATH
 * is reported by name with how to install it, before anything starts.
 */
import { constants } from "node:os";
import { isAbsolute, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { CommandLine } from "./command-line.ts";
import { formatCommandLine, shellQuote } from "./command-line.ts";
import type { CommandContext, CommandIo } from "../command/command-context.ts";
import { CommandFailedError, InterruptedError, ToolError } from "../command/command-error.ts";
import type { FleetTargets } from "./target.ts";
import { findExecutable, missingToolMessage } from "./tools.ts";

/** Line-by-line destinations for a child's output, when several run at once and each line needs its host. */
export interface LineSinks {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** How to run a command. */
export interface RunOptions {
  /** The directory the command runs in: the flake's. */
  readonly cwd: string;
  readonly io: CommandIo;
  /** Print the command without running it. */
  readonly dryRun: boolean;
  /** Aborted on Ctrl-C: the child is terminated and the run ends in an `InterruptedError`. */
  readonly signal: AbortSignal;
  /** Send output line by line here instead of straight to `io`'s streams (stdin is then closed). */
  readonly lines?: LineSinks;
  /** Collect stdout and return it, instead of streaming it. */
  readonly capture?: boolean;
}

/** Options to run a command of `context`'s run in the fleet's flake directory (printed only, with `dryRun`). */
export const runOptionsFor = (context: Pick<CommandContext, "io" | "signal">, fleet: FleetTargets, dryRun: boolean | undefined): RunOptions => ({
  cwd: fleet.flakeDir,
  io: context.io,
  dryRun: dryRun === true,
  signal: context.signal,
});

/** What a finished command left behind. */
export interface RunResult {
  readonly exitCode: number;
  /** The captured stdout (empty unless `capture`). */
  readonly stdout: string;
}

// Children get this long to stop after SIGTERM before they are killed.
const KILL_GRACE_MS = 5_000;

/** The command line as printed: prefixed with `cd <dir> &&` when it runs elsewhere than the user is. */
export function describeCommand(line: CommandLine, cwd: string, userCwd: string): string {
  const where = relative(resolve(userCwd), resolve(cwd));
  return where === "" ? formatCommandLine(line) : `cd ${shellQuote(where)} && ${formatCommandLine(line)}`;
}

/**
 * Throw a `ToolError` naming the first program of `lines` that is not on PATH. A program run
 * through sudo by absolute path (switch-to-configuration) is left to sudo: it exists only on
 * NixOS, where sudo finds it without PATH.
 */
export function ensureTools(lines: readonly CommandLine[], env: NodeJS.ProcessEnv): void {
  const programs = lines.flatMap((line) =>
    line.sudo ? ["sudo", ...(isAbsolute(line.command) ? [] : [line.command])] : [line.command],
  );
  const missing = programs.find((program) => findExecutable(program, env.PATH) === undefined);
  if (missing !== undefined) throw new ToolError(missingToolMessage(missing));
}

// Where one of the child's output streams goes. The process's own streams are inherited, so a
// tool on a terminal keeps its progress display and colours; anything else is forwarded.
type Route =
  | { readonly kind: "inherit" }
  | { readonly kind: "capture" }
  | { readonly kind: "forward"; readonly write: (chunk: string) => void }
  | { readonly kind: "lines"; readonly sink: (line: string) => void };

const route = (stream: Writable, own: Writable, sink: ((line: string) => void) | undefined): Route =>
  sink
    ? { kind: "lines", sink }
    : stream === own
      ? { kind: "inherit" }
      : { kind: "forward", write: (chunk) => stream.write(chunk) };

// Resolves once the stream has ended or was destroyed; its errors are the subprocess's to report.
const follow = async (output: Readable | null, to: Route): Promise<void> => {
  if (!output || to.kind === "inherit" || to.kind === "capture") return;
  if (to.kind === "lines") createInterface({ input: output, crlfDelay: Infinity }).on("line", to.sink);
  else output.setEncoding("utf8").on("data", to.write);
  await finished(output).catch(() => {});
};

/** Where typeflake's own line about a run goes: with the host's output when it has sinks, else stderr. */
export const noteLine = (options: Pick<RunOptions, "io" | "lines">): ((text: string) => void) =>
  options.lines?.stderr ?? ((text) => options.io.stderr.write(`${text}\n`));

/** Print `line`, run it (unless dry-run) and return its exit code; failures to start throw. */
export async function runCommand(line: CommandLine, options: RunOptions): Promise<RunResult> {
  const { io, lines } = options;
  noteLine(options)(`$ ${describeCommand(line, options.cwd, io.cwd)}`);
  if (options.dryRun) return { exitCode: 0, stdout: "" };
  if (options.signal.aborted) throw new InterruptedError("interrupted");
  ensureTools([line], io.env);

  const stdoutRoute: Route = options.capture ? { kind: "capture" } : route(io.stdout, process.stdout, lines?.stdout);
  const stderrRoute = route(io.stderr, process.stderr, lines?.stderr);
  // Loaded here, not at the top: every typeflake command would otherwise pay for it at start-up.
  const { execa } = await import("execa");
  const subprocess = execa(
    line.sudo ? "sudo" : line.command,
    line.sudo ? [line.command, ...line.args] : [...line.args],
    {
      cwd: options.cwd,
      env: { ...io.env, ...line.env },
      extendEnv: false,
      reject: false,
      cancelSignal: options.signal,
      forceKillAfterDelay: KILL_GRACE_MS,
      stdin: lines ? "ignore" : "inherit",
      stdout: stdoutRoute.kind === "inherit" ? "inherit" : "pipe",
      stderr: stderrRoute.kind === "inherit" ? "inherit" : "pipe",
      buffer: { stdout: stdoutRoute.kind === "capture", stderr: false },
      stripFinalNewline: false,
    },
  );
  // A stopped child's own children (nix under nixos-rebuild, say) can keep its output pipes open;
  // once the child itself is gone, stop reading them rather than wait for the orphans.
  const stopReading = (): void => {
    subprocess.stdout?.destroy();
    subprocess.stderr?.destroy();
  };
  const onAbort = (): void => {
    if (subprocess.exitCode === null && subprocess.signalCode === null) subprocess.once("exit", stopReading);
    else stopReading();
  };
  options.signal.addEventListener("abort", onAbort, { once: true });
  const [result] = await Promise.all([
    subprocess,
    follow(subprocess.stdout, stdoutRoute),
    follow(subprocess.stderr, stderrRoute),
  ]).finally(() => options.signal.removeEventListener("abort", onAbort));

  // The terminal's SIGINT may stop the child before the abort reaches execa: either way it was the user.
  if (result.isCanceled || options.signal.aborted) throw new InterruptedError(`${line.command} was stopped`);
  const stdout = typeof result.stdout === "string" ? result.stdout : "";
  if (result.exitCode !== undefined) return { exitCode: result.exitCode, stdout };
  // Killed by a signal it did not get from us (the OOM killer, say): a failure, coded as shells do.
  if (result.signal) return { exitCode: 128 + (constants.signals[result.signal] ?? 0), stdout };
  if (result.code === "ENOENT") throw new ToolError(missingToolMessage(line.sudo ? "sudo" : line.command));
  throw new ToolError(`could not run ${line.command}: ${result.originalMessage || result.shortMessage}`);
}

/** Run `line` and require exit code 0; returns the captured stdout. */
export async function runChecked(line: CommandLine, options: RunOptions): Promise<string> {
  const { exitCode, stdout } = await runCommand(line, options);
  if (exitCode !== 0)
    throw new CommandFailedError(`${line.command} failed with exit code ${exitCode} (its output is above)`);
  return stdout;
}
