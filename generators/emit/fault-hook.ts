/**
 * TEST HOOK, not a feature. Every file operation that changes the disk (create, link, rename,
 * delete, mkdir, rmdir, chmod; the lock's included) is counted, and:
 *
 * - `TYPEFLAKE_FAULT_AFTER_OPS=N` makes the process kill itself with SIGKILL right after its N-th
 *   operation. The crash tests stop a run at exactly chosen points of a transaction with it,
 *   deterministically, instead of racing a timer. `TYPEFLAKE_FAULT_SIGNAL` picks another signal
 *   (`SIGSTOP` freezes a writer mid-transaction, for the concurrency tests).
 * - `TYPEFLAKE_FAULT_FAIL_OP=N` makes the N-th operation fail with EIO instead of running, to
 *   test how a run undoes a failure half-way.
 *
 * Read on every operation, so a test can set them in-process. Unset (as for every user), the
 * cost is a counter increment and two environment look-ups per operation.
 */

let operations = 0;

const configured = (name: string): number => Number.parseInt(process.env[name] ?? "", 10);

/** Run one disk-changing operation, counted, with the configured fault if this is its turn. */
export async function fileOperation<T>(operation: () => Promise<T>): Promise<T> {
  operations += 1;
  const current = operations;
  if (current === configured("TYPEFLAKE_FAULT_FAIL_OP")) {
    throw Object.assign(new Error("EIO: i/o error (injected by TYPEFLAKE_FAULT_FAIL_OP)"), { code: "EIO" });
  }
  try {
    return await operation();
  } finally {
    // Also after an operation that failed: an attempt counts, so every count is a kill point.
    if (current === configured("TYPEFLAKE_FAULT_AFTER_OPS")) process.kill(process.pid, (process.env["TYPEFLAKE_FAULT_SIGNAL"] ?? "SIGKILL") as NodeJS.Signals);
  }
}

/** How many file operations this process has done: the crash tests size their kill points with it. */
export const fileOperationCount = (): number => operations;
