/**
 * A word while the fleet takes long to load. A top-level `await` on something that never settles
 * ends the load as `unsettled` once Node has nothing left to do, but while a timer or socket the
 * fleet left open keeps Node busy (`setInterval` beside an `await` on a promise nothing resolves)
 * that moment never comes; a loop in fleet code that never ends (`while (true) {}`) holds the
 * thread itself; and esbuild, bundling, waits on a named pipe or device a fleet file imports as if
 * it were a file. typeflake would wait without a word: after a while it says what it is waiting
 * for, once, and keeps waiting (a slow load may be slow on purpose, a large fleet large).
 *
 * While fleet code runs, the clock is a process of its own (a shell's `sleep`) that writes to the
 * standard error it shares with typeflake: a timer of the main thread would wait for the very loop
 * it is meant to report. A worker thread would do too, but starting one cost each load about
 * 20 ms of CPU (a whole Node environment), the shell about 1 ms. While esbuild bundles, in a
 * process of its own, the main thread only waits: a timer of its own is the clock.
 */
import { spawn } from "node:child_process";
import { clearTimeout, setTimeout } from "node:timers";

/** Environment variable: seconds of loading before the note (default 10). */
export const STILL_LOADING_VARIABLE = "TYPEFLAKE_LOAD_NOTICE";

const DEFAULT_SECONDS = 10;

/** The seconds `value` (the variable) gives, or the default for a value that is not a positive number. */
const secondsOf = (value: string | undefined): number => {
  const seconds = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SECONDS;
};

/** What takes long: esbuild bundling the fleet's files, or Node importing the bundle (running the fleet's code). */
export type LoadStep = "bundle" | "import";

/** The note, as typeflake prints it. */
export const stillLoadingNote = (step: LoadStep, seconds: number): string =>
  step === "import"
    ? `typeflake: the fleet's code has been loading for ${seconds} s and has not finished: a loop in it may never end, or a top-level ` +
      "await may be waiting for something that never comes while a timer or connection it opened keeps Node busy; stop with Ctrl-C, " +
      "or wait if it is slow on purpose\n"
    : `typeflake: esbuild has been reading the fleet's files for ${seconds} s and has not finished: a file they import may be a named ` +
      "pipe (FIFO) or a device, which it waits on as on a file; stop with Ctrl-C, or wait if the fleet is that large\n";

/**
 * The clock's script: `$1` seconds, then the note `$3` on the standard error, unless typeflake
 * (pid `$2`) is gone by then. `sleep` holds none of typeflake's output, so stopping the shell
 * closes the clock's hold on it at once.
 */
const CLOCK = 'sleep "$1" </dev/null >/dev/null 2>&1 && kill -0 "$2" 2>/dev/null && printf "%s" "$3" >&2';

/** The stop of each clock running now. */
const runningClocks = new Set<() => void>();

// A load that ends the process (fleet code calling process.exit) takes its clocks along. One
// listener for every clock, there before any load: a load puts process listeners back as it found
// them, which would keep a listener of each clock's own for ever (one more per load under --watch).
process.on("exit", () => {
  for (const stop of runningClocks) stop();
});

/** Start the clock process; the function returned stops it (and its `sleep`: a process group of its own). */
const clockProcess = (note: string, seconds: number): (() => void) => {
  const clock = spawn("/bin/sh", ["-c", CLOCK, "typeflake-still-loading", String(seconds), String(process.pid), note], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  // No shell to run it (a system without /bin/sh): no note, as before the clock existed.
  clock.on("error", () => undefined);
  clock.unref();
  const stop = (): void => {
    runningClocks.delete(stop);
    if (clock.pid === undefined || clock.exitCode !== null) return;
    try {
      process.kill(-clock.pid, "SIGKILL");
    } catch {
      // Ended already.
    }
  };
  runningClocks.add(stop);
  return stop;
};

/** Taken when this module loads: fleet code may replace `process.stderr.write` while it runs. */
const writeStderr = process.stderr.write.bind(process.stderr);

/** Start the clock for one step of a load; the function returned stops it. The clock never keeps the process alive. */
export const watchForSlowLoad = (step: LoadStep, environment: NodeJS.ProcessEnv = process.env): (() => void) => {
  const seconds = secondsOf(environment[STILL_LOADING_VARIABLE]);
  const note = stillLoadingNote(step, seconds);
  if (step === "bundle") {
    const timer = setTimeout(() => void writeStderr(note), seconds * 1000).unref();
    return () => clearTimeout(timer);
  }
  return clockProcess(note, seconds);
};

/** `work` (a step of the load under way), with the note should it take long. */
export const watchedForSlowness = async <T>(step: LoadStep, work: Promise<T>): Promise<T> => {
  const stop = watchForSlowLoad(step);
  try {
    return await work;
  } finally {
    stop();
  }
};
