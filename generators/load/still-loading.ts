/**
 * A word while the fleet takes long to load. A top-level `await` on something that never settles
 * ends the load as `unsettled` once Node has nothing left to do, but while a timer or socket the
 * fleet left open keeps Node busy (`setInterval` beside an `await` on a promise nothing resolves)
 * that moment never comes; a loop in fleet code that never ends (`while (true) {}`) holds the
 * thread itself; and esbuild, bundling, waits on a named pipe or device a fleet file imports as if
 * it were a file. typeflake would wait without a word: after a while it says what it is waiting
 * for, once, and keeps waiting (a slow load may be slow on purpose, a large fleet large).
 *
 * While fleet code runs, the clock runs on a thread of its own and writes to file descriptor 2
 * itself: a timer of the main thread, or a write through `process.stderr` (which a worker hands
 * to the main thread), would wait for the very loop it is meant to report. While esbuild bundles,
 * in a process of its own, the main thread only waits: a timer of its own is the clock, which
 * spares each load a second thread's start (a few milliseconds of CPU).
 */
import { clearTimeout, setTimeout } from "node:timers";
import { Worker } from "node:worker_threads";

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

// CommonJS: a worker given source text runs it as a script.
const CLOCK = `const { workerData } = require("node:worker_threads");
setTimeout(() => require("node:fs").writeSync(2, workerData.note), workerData.milliseconds);`;

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
  // No execArgv: the clock needs none of the loaders (tsx) the process was started with.
  const clock = new Worker(CLOCK, { eval: true, execArgv: [], workerData: { note, milliseconds: seconds * 1000 } });
  clock.unref();
  return () => void clock.terminate();
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
