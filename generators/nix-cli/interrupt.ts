/**
 * Ctrl-C and SIGTERM while a command runs. The terminal sends SIGINT to the children too, but a
 * SIGTERM from a supervisor reaches only typeflake, so typeflake passes it on: the signal aborts,
 * the runner terminates each child (SIGTERM, then SIGKILL after a grace period) and waits for it
 * to exit before typeflake reports and ends. A second Ctrl-C ends typeflake at once.
 */

/** An abort signal raised by SIGINT or SIGTERM, and the handle that stops listening. */
export interface InterruptTrap {
  readonly signal: AbortSignal;
  release(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The process's own exit, taken before any fleet code loads (which finds `process.exit` refused: `load/fleet-process.ts`). */
const exit = process.exit.bind(process);

/** Listen for SIGINT and SIGTERM until `release()`. */
export function trapInterrupts(): InterruptTrap {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // execa's `cleanup` kills the children when typeflake exits, so leaving at once is safe.
    if (controller.signal.aborted) exit(130);
    controller.abort(signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    release: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
