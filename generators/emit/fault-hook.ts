/**
 * TEST HOOK, not a feature: `TYPEFLAKE_FAULT_AFTER_OPS=N` makes the process kill itself with
 * SIGKILL right after its N-th file operation that changes the disk (create, write, link,
 * rename, delete, mkdir, rmdir, chmod, the lock included). The crash tests use it to stop a run at
 * exactly chosen points of a transaction, deterministically, instead of racing a timer.
 * `TYPEFLAKE_FAULT_SIGNAL` picks another signal (`SIGSTOP` freezes a writer mid-transaction, for
 * the concurrency test). Unset (as for every user), it costs one counter increment per operation.
 */

const limit = Number.parseInt(process.env["TYPEFLAKE_FAULT_AFTER_OPS"] ?? "", 10);
const signal = (process.env["TYPEFLAKE_FAULT_SIGNAL"] ?? "SIGKILL") as NodeJS.Signals;

let operations = 0;

/** Count one completed file operation; at the configured count, deliver the fault signal. */
export function afterFileOperation(): void {
  operations += 1;
  if (operations === limit) process.kill(process.pid, signal);
}

/** How many file operations this process has done: the crash tests size their kill points with it. */
export const fileOperationCount = (): number => operations;
