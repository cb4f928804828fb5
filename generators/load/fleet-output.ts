/**
 * What fleet code writes to stdout while it is evaluated (a `console.log` left in a host file)
 * goes to stderr: stdout is typeflake's own, and a line there would corrupt what programs read
 * from it (`--json`, `plan --json`). The user still sees the line, on the terminal.
 */

/** Loads under way (`plan` loads two revisions of a fleet at once): stdout is put back when the last ends. */
let loading = 0;
/** `process.stdout`'s own `write`, if it had one, while it is redirected. */
let ownWrite: PropertyDescriptor | undefined;

/** Run `evaluate` (the import of fleet code) with `process.stdout` writing to stderr, then put it back. */
export const withFleetOutputOnStderr = async <T>(evaluate: () => Promise<T>): Promise<T> => {
  const { stdout, stderr } = process;
  if (loading++ === 0) {
    ownWrite = Object.getOwnPropertyDescriptor(stdout, "write");
    stdout.write = stderr.write.bind(stderr) as typeof stdout.write;
  }
  try {
    return await evaluate();
  } finally {
    if (--loading === 0) {
      // Back to the stream's own method (its prototype's, unless the stream had one of its own).
      if (ownWrite) Object.defineProperty(stdout, "write", ownWrite);
      else delete (stdout as { write?: unknown }).write;
    }
  }
};
