/**
 * A word while fleet code takes long to load. A top-level `await` on something that never
 * settles ends the load as `unsettled` once Node has nothing left to do, but while a timer or
 * socket the fleet left open keeps Node busy (`setInterval` beside an `await` on a promise
 * nothing resolves) that moment never comes, and typeflake would wait without a word: after a
 * while it says what it is waiting for, once, and keeps waiting (a slow load may be slow on purpose).
 */
import { clearTimeout, setTimeout } from "node:timers";

/** Environment variable: seconds of loading before the note (default 10). */
export const STILL_LOADING_VARIABLE = "TYPEFLAKE_LOAD_NOTICE";

const DEFAULT_SECONDS = 10;

// Taken before any fleet code runs: while it loads, stderr's `write` is redirected and noted as its output.
const writeStderr = process.stderr.write.bind(process.stderr);

/** The seconds `value` (the variable) gives, or the default for a value that is not a positive number. */
const secondsOf = (value: string | undefined): number => {
  const seconds = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SECONDS;
};

/** The note, as typeflake prints it. */
export const stillLoadingNote = (seconds: number): string =>
  `typeflake: the fleet's code has been loading for ${seconds} s and has not finished: a top-level await may be waiting for ` +
  "something that never comes while a timer or connection it opened keeps Node busy; stop with Ctrl-C, or wait if it is slow on purpose\n";

/** Start the clock for one load; the function returned stops it. The clock never keeps the process alive. */
export const watchForSlowLoad = (environment: NodeJS.ProcessEnv = process.env): (() => void) => {
  const seconds = secondsOf(environment[STILL_LOADING_VARIABLE]);
  const timer = setTimeout(() => void writeStderr(stillLoadingNote(seconds)), seconds * 1000).unref();
  return () => clearTimeout(timer);
};
