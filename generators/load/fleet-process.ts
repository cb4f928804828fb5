/**
 * The process as fleet code finds it while it loads. What it writes to stdout (a `console.log`
 * left in a host file) goes to stderr: stdout is typeflake's own, and a line there would corrupt
 * what programs read from it (`--json`, `plan --json`); the user still sees it. `process.exit()`
 * throws instead of ending typeflake: `generate --check` ended by a fleet file's
 * `process.exit(0)` would pass in CI having checked nothing; the throw is reported where the call is.
 * A top-level `await` that nothing will ever settle would end the process the same way, silently
 * and with status 0, once Node has nothing left to do: the load is ended as unsettled instead.
 * The working folder, the file mode mask and the environment's variables are put back after the
 * load: typeflake reads and writes the fleet, and runs git and nix, with the user's. What fleet
 * code prints is kept too, for a run that reuses the load's record to show again.
 * What fleet code reads of the machine meanwhile is observed for the run cache (`fleet-reads.ts`).
 */
import { ExitCode } from "../command/exit-code.ts";
import { ExitRefused, noteFleetCodeRuns } from "./fleet-code-ran.ts";
import { watchLeftovers } from "./fleet-leftovers.ts";
import { endForLostBuiltIns } from "./lost-built-ins.ts";
import { recordFleetReads, type FleetReads } from "./fleet-reads.ts";
import { watchForSlowLoad } from "./still-loading.ts";

/** What of stdout and stderr a load replaces (`write`) or fleet code may change and typeflake reads (`isTTY`: a `true` set by a host file coloured CI logs). */
const STREAM_PROPERTIES = ["write", "isTTY"] as const;

/** Loads under way (`plan` loads two revisions of a fleet at once): the process is put back when the last ends. */
let loading = 0;
/** What loads replace or may change, as it was before the first: the streams' own `write` and `isTTY`, `process`'s own `exit` (if they had them), the working folder, the mask, the environment. */
let own:
  | {
      /** Each stream's own `write` and `isTTY` (which decides colours) as they were, by stream. */
      readonly streams: readonly (readonly [NodeJS.WriteStream, readonly (readonly [key: string, descriptor: PropertyDescriptor | undefined])[]])[];
      readonly exit: PropertyDescriptor | undefined;
      readonly cwd: string;
      readonly umask: number | undefined;
      readonly exitCode: typeof process.exitCode;
      /** The environment (itself: while fleet code loads, `process.env` is wrapped) and its variables. */
      readonly environment: NodeJS.ProcessEnv;
      readonly variables: Readonly<Record<string, string | undefined>>;
      /** Undoes what fleet code left behind (`fleet-leftovers.ts`); names the built-ins it could not put back. */
      readonly undoLeftovers: () => readonly string[];
    }
  | undefined;
/** What each load under way has printed so far. */
const printing = new Set<string[]>();
/** How to end each load under way as unsettled, called when Node runs out of work while they wait. */
const unsettle = new Set<() => void>();

/** What fleet code's `process.exit(code)` does while it loads. */
const refuseExit = (code?: string | number | null): never => {
  throw new ExitRefused(`process.exit(${code ?? ""}) was called while the fleet loaded; throw an Error saying what is wrong instead, and typeflake reports it here`);
};

/** Node's event loop is empty: whatever a load still awaits, nothing is left that could settle it. */
const onNothingLeft = (): void => {
  for (const end of [...unsettle]) end();
};

/** Put back `target[key]` as it was: its own property, or none (its prototype's); unless fleet code made it unchangeable. */
const restore = (target: object, key: string, descriptor: PropertyDescriptor | undefined): void => {
  try {
    if (descriptor) Object.defineProperty(target, key, descriptor);
    else delete (target as Record<string, unknown>)[key];
  } catch {
    // `Object.defineProperty(process, "exit", { configurable: false })`: typeflake exits through its own copy.
  }
};

/**
 * Put the environment's variables back as they were: the programs typeflake runs afterwards (git,
 * nix) inherit them, and a `GIT_INDEX_FILE` or `GIT_DIR` set by fleet code sent `git add` elsewhere.
 */
const restoreEnvironment = (environment: NodeJS.ProcessEnv, variables: Readonly<Record<string, string | undefined>>): void => {
  for (const name of Object.keys(environment)) if (!Object.hasOwn(variables, name)) delete environment[name];
  for (const [name, value] of Object.entries(variables)) if (environment[name] !== value) environment[name] = value;
};

/** The file mode mask, read by setting it (`process.umask()` without an argument is deprecated); none in a worker thread, which cannot change it. */
const currentUmask = (): number | undefined => {
  try {
    const mask = process.umask(0o022);
    process.umask(mask);
    return mask;
  } catch {
    return undefined;
  }
};

/** `write`, noting what it writes for every load under way. */
const noting =
  (write: NodeJS.WriteStream["write"]) =>
  (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    for (const printed of printing) printed.push(text);
    return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
  };

const enterLoad = (): void => {
  noteFleetCodeRuns();
  if (loading++ > 0) return;
  const { stdout, stderr } = process;
  // First: it takes the built-ins and listeners as they are before anything here changes them.
  const undoLeftovers = watchLeftovers();
  own = {
    undoLeftovers,
    streams: [stdout, stderr].map((stream) => [stream, STREAM_PROPERTIES.map((key) => [key, Object.getOwnPropertyDescriptor(stream, key)] as const)] as const),
    exit: Object.getOwnPropertyDescriptor(process, "exit"),
    cwd: process.cwd(),
    umask: currentUmask(),
    exitCode: process.exitCode,
    environment: process.env,
    variables: { ...process.env },
  };
  // Should the process end while fleet code loads (its own doing: the unsettled-await watch
  // removed, `process.reallyExit` aside), it ends as failed, not with status 0.
  process.exitCode = ExitCode.Invalid;
  const toStderr = noting(stderr.write.bind(stderr));
  stdout.write = toStderr as typeof stdout.write;
  stderr.write = toStderr as typeof stderr.write;
  process.exit = refuseExit;
  process.on("beforeExit", onNothingLeft);
};

const leaveLoad = (): void => {
  if (--loading > 0 || !own) return;
  // First: what comes next uses the built-ins it puts back.
  const lost = own.undoLeftovers();
  if (lost.length > 0) endForLostBuiltIns(lost);
  for (const [stream, properties] of own.streams) for (const [key, descriptor] of properties) restore(stream, key, descriptor);
  restore(process, "exit", own.exit);
  if (process.cwd() !== own.cwd) process.chdir(own.cwd);
  if (own.umask !== undefined) process.umask(own.umask);
  restoreEnvironment(own.environment, own.variables);
  process.exitCode = own.exitCode;
  process.off("beforeExit", onNothingLeft);
  own = undefined;
};

/** What `evaluate` gave (or `unsettled` gave, when it never settled), what it read of the machine, and what it printed. */
export interface FleetCodeLoaded<T> {
  readonly value: T;
  readonly reads: FleetReads;
  /** Everything fleet code wrote to stdout or stderr meanwhile (all of it shown on stderr). */
  readonly printed: string;
}

/**
 * Run `evaluate` (the import of the fleet's code bundled in `bundleFolder`) in the process as
 * fleet code finds it, then put the process back. When Node runs out of work while `evaluate`
 * still waits, it never will settle, and the value is `unsettled()`.
 */
export const asFleetCodeLoads = async <T>(bundleFolder: string, evaluate: () => Promise<T>, unsettled: () => T): Promise<FleetCodeLoaded<T>> => {
  // Started before the load, so that the watch on the timers fleet code starts does not count it among them.
  const stopWatch = watchForSlowLoad("import");
  enterLoad();
  const stopRecording = recordFleetReads(bundleFolder);
  let end = (): void => undefined;
  const never = new Promise<T>((resolve) => (end = () => resolve(unsettled())));
  unsettle.add(end);
  const printed: string[] = [];
  printing.add(printed);
  let value: T;
  let reads: FleetReads;
  try {
    try {
      value = await Promise.race([evaluate(), never]);
    } finally {
      stopWatch();
      unsettle.delete(end);
      printing.delete(printed);
      // Before the recording stops: putting back the built-ins comes first, as stopping uses them.
      leaveLoad();
    }
  } finally {
    // After a throw too: the recording ends all the same, its reads unused.
    reads = stopRecording();
  }
  return { value, reads, printed: printed.join("") };
};
