/**
 * The `typeflake` command line. Exit codes (`command/exit-code.ts`): 0 ok, 1 invalid input /
 * drift / a host failed, 2 typeflake itself (or a tool it needs) failed, 130 interrupted.
 */
import { Command, CommanderError } from "commander";
import { AlreadyReported, CommandError, UsageError } from "../command/command-error.ts";
import { ExitCode } from "../command/exit-code.ts";
import { TYPEFLAKE_PACKAGE_INFO } from "../package-info.ts";
import { registerCommands } from "./command-registry.ts";
import { processEnvironment } from "./command-environment.ts";
import { findFleetRoot, FleetRootNotFound } from "./find-fleet-root.ts";
import { pendingTracking } from "../git/pending-tracking.ts";
import { ExitRefused, fleetCodeRan } from "../load/fleet-code-ran.ts";
import { thrownText } from "../diagnostics/thrown-text.ts";
import { terminalLines } from "../diagnostics/terminal-text.ts";
import { error } from "../diagnostics/diagnostic.ts";
import { diagnosticsToJson } from "../diagnostics/json.ts";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { colorEnabled } from "../emit/color.ts";
import { CONFIG_FILE } from "../load/layout.ts";

/** The process's own exit and stdout, taken before fleet code could replace them (while it loads, stdout is sent to stderr). */
const exit = process.exit.bind(process);
const writeStdout = process.stdout.write.bind(process.stdout);

const program = new Command("typeflake")
  .description("Describe a fleet of NixOS machines in typed TypeScript; typeflake writes and drives its flake.")
  .version(TYPEFLAKE_PACKAGE_INFO.version)
  .option("-C, --root <dir>", "the fleet root, where typeflake.config.ts is (default: the nearest one from the current directory upwards)")
  .showHelpAfterError()
  .exitOverride();

const environment = processEnvironment(() => program.opts<{ root?: string }>().root);
const { io } = environment;

// A reader that stops reading (`typeflake schema | head`) closes the pipe under stdout or stderr.
// The command still finishes what it does (a generate's writes included) and exits with its own
// code; what it has left to say has no reader.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (caught: NodeJS.ErrnoException) => {
    if (caught.code !== "EPIPE" && caught.code !== "ERR_STREAM_DESTROYED") throw caught;
  });
}

/**
 * Files a cut-off `generate` created and did not get to add to git (see `git/pending-tracking.ts`):
 * added now, before the command needs nix to see them. The usual case, no note, costs one read.
 */
const trackPendingFiles = async (root: string): Promise<void> => {
  if (pendingTracking(root) === undefined) return;
  const [{ trackPendingFiles: addPending }, { waitingLine }] = await Promise.all([import("../git/track-pending.ts"), import("../emit/lock.ts")]);
  const lines = await addPending(root, (holder) => io.stderr.write(waitingLine(holder)));
  io.stderr.write(lines.map((line) => `${line}\n`).join(""));
};

// Before any command in a fleet: finish or undo a generate that was cut off (see docs/writes.md).
program.hook("preAction", async () => {
  const root = (() => {
    try {
      return findFleetRoot(io.cwd, environment.rootOption());
    } catch (caught) {
      if (caught instanceof FleetRootNotFound) return undefined; // `init`, `schema`: no fleet yet
      throw caught;
    }
  })();
  if (root === undefined) return;
  const { colorEnabled, formatRecovery, formatRecoveryFailure, recoverUnfinishedWrite, stateFolderProblem } = await import("../emit/index.ts");
  const unusable = stateFolderProblem(root);
  if (unusable) throw new UsageError(unusable);
  const recovered = await recoverUnfinishedWrite(root);
  const color = colorEnabled(io.stderr as { isTTY?: boolean }, io.env);
  if (!recovered.ok) {
    io.stderr.write(formatRecoveryFailure(recovered.problem, { color }));
    throw new AlreadyReported(ExitCode.Failed);
  }
  io.stderr.write(formatRecovery(recovered.recovery, { color }));
  await trackPendingFiles(root);
});

/**
 * Run the command the arguments name. Not awaited at the top level: compiled, this module is a
 * script (see `bin/compiled-modules.mjs`), which cannot await there.
 */
const run = async (): Promise<void> => {
  try {
    await registerCommands(program, environment, process.argv.slice(2));
    await program.parseAsync(process.argv);
  } catch (caught) {
    reportFailure(caught);
  }
  // Ended here, not when Node runs out of work: a watcher or socket fleet code left open would
  // keep typeflake running after it is done.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  exit();
};

/** Resolves once what was written to `stream` has been handed on (pipes are asynchronous on some systems). */
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => (stream.writableEnded || stream.destroyed ? resolve() : stream.write("", () => resolve())));

/**
 * An error nothing caught, outside any command's own handling: after fleet code ran, unless it
 * was made in typeflake's own code, it is the fleet's (a promise it did not await, a timer or
 * callback it left behind); otherwise typeflake's.
 */
const reportUncaught = (caught: unknown): void => {
  let stack = "";
  try {
    stack = caught instanceof Error && typeof caught.stack === "string" ? caught.stack : "";
  } catch {
    // A stack getter that throws: no frames to judge by.
  }
  // Where it was made: the first frame (later ones include typeflake's, which imported the fleet).
  const top = stack.split("\n").find((line) => /^\s+at /.test(line)) ?? "";
  const ours = top.includes(TYPEFLAKE_PACKAGE_INFO.root) && !top.includes("node_modules/.cache/typeflake/");
  if (!fleetCodeRan() || (ours && !(caught instanceof ExitRefused))) {
    reportFailure(caught);
    return exit();
  }
  reportFleetFailure(thrownText(caught));
  environment.setExitCode(ExitCode.Invalid);
  exit();
};
process.on("uncaughtException", reportUncaught);
process.on("unhandledRejection", reportUncaught);

/**
 * Report fleet code's `message` as an error of the fleet, at its configuration file, as `--json`
 * or as text. At once, without locating it: the command is still running, and would otherwise
 * end (and report) first.
 */
const reportFleetFailure = (message: string): void => {
  const diagnostic = error("load-error", { file: CONFIG_FILE, objectPath: [] }, { kind: "uncaught", message });
  if (process.argv.includes("--json")) writeStdout(`${diagnosticsToJson([diagnostic])}\n`);
  else io.stderr.write(formatDiagnostics([diagnostic], { color: colorEnabled(io.stderr as { isTTY?: boolean }, io.env) }));
};

const reportFailure = (caught: unknown): void => {
  if (caught instanceof CommanderError) {
    environment.setExitCode(caught.exitCode === 0 ? ExitCode.Ok : ExitCode.Invalid);
  } else if (caught instanceof CommandError) {
    // Thrown before a command's own action frame (the recovery above).
    if (caught.message) io.stderr.write(`typeflake: ${terminalLines(caught.message)}\n`);
    environment.setExitCode(caught.exitCode);
  } else {
    const message = caught instanceof Error ? caught.message : String(caught);
    // A bug met on the fleet's data may quote it: escaped like every other report.
    io.stderr.write(`typeflake: internal error: ${terminalLines(message)}\n`);
    if (io.env["TYPEFLAKE_DEBUG"]) io.stderr.write(`${(caught as Error).stack ?? ""}\n`);
    else io.stderr.write("Set TYPEFLAKE_DEBUG=1 to see where it happened, and please report it.\n");
    environment.setExitCode(ExitCode.Failed);
  }
};

void run();
