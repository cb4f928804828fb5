/**
 * The process as fleet code finds it while it loads. What it writes to stdout (a `console.log`
 * left in a host file) goes to stderr: stdout is typeflake's own, and a line there would corrupt
 * what programs read from it (`--json`, `plan --json`); the user still sees it. `process.exit()`
 * throws instead of ending typeflake: `generate --check` ended by a fleet file's
 * `process.exit(0)` would pass in CI having checked nothing; the throw is reported where the call is.
 */

/** Loads under way (`plan` loads two revisions of a fleet at once): the process is put back when the last ends. */
let loading = 0;
/** `process.stdout`'s and `process`'s own `write` and `exit`, if they had them, while they are replaced. */
let own: { readonly write: PropertyDescriptor | undefined; readonly exit: PropertyDescriptor | undefined } | undefined;

/** What fleet code's `process.exit(code)` throws while it loads. */
const refuseExit = (code?: string | number | null): never => {
  throw new Error(`process.exit(${code ?? ""}) was called while the fleet loaded; throw an Error saying what is wrong instead, and typeflake reports it here`);
};

/** Put back `target[key]` as it was: its own property, or none (its prototype's). */
const restore = (target: object, key: string, descriptor: PropertyDescriptor | undefined): void => {
  if (descriptor) Object.defineProperty(target, key, descriptor);
  else delete (target as Record<string, unknown>)[key];
};

/** Run `evaluate` (the import of fleet code) in the process as fleet code finds it, then put the process back. */
export const asFleetCodeLoads = async <T>(evaluate: () => Promise<T>): Promise<T> => {
  const { stdout, stderr } = process;
  if (loading++ === 0) {
    own = { write: Object.getOwnPropertyDescriptor(stdout, "write"), exit: Object.getOwnPropertyDescriptor(process, "exit") };
    stdout.write = stderr.write.bind(stderr) as typeof stdout.write;
    process.exit = refuseExit;
  }
  try {
    return await evaluate();
  } finally {
    if (--loading === 0 && own) {
      restore(stdout, "write", own.write);
      restore(process, "exit", own.exit);
      own = undefined;
    }
  }
};
