/**
 * What fleet code writes to stdout while it is evaluated (a `console.log` left in a host file)
 * goes to stderr: stdout is typeflake's own, and a line there would corrupt what programs read
 * from it (`--json`, `inventory --json`). The user still sees the line, on the terminal.
 */

/** Run `evaluate` (the import of fleet code) with `process.stdout` writing to stderr, then put it back. */
export const withFleetOutputOnStderr = async <T>(evaluate: () => Promise<T>): Promise<T> => {
  const { stdout, stderr } = process;
  const own = Object.getOwnPropertyDescriptor(stdout, "write");
  stdout.write = stderr.write.bind(stderr) as typeof stdout.write;
  try {
    return await evaluate();
  } finally {
    // Back to the stream's own method (its prototype's, unless the stream had one of its own).
    if (own) Object.defineProperty(stdout, "write", own);
    else delete (stdout as { write?: unknown }).write;
  }
};
