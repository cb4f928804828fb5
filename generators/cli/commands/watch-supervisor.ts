/**
 * The process a `generate --watch` runs in, and its replacement. Each run imports the fleet anew,
 * and Node never frees an imported ES module: a process that ran 1,000 hosts fifty times holds
 * fifty copies of their code and definitions (about 10 MB a run). So the watch itself runs in a
 * child of the command's process, which starts it again, fresh, when the child leaves to free its
 * memory; the child's first run then finds the run cache's record current. The command's process
 * only waits. The child has a process group of its own, so that a terminal's Ctrl-C reaches only
 * the command's process, which passes it on once (a second signal would end the child at once,
 * in the middle of writing); and a channel to it, whose end tells the child that the command's
 * process is gone (killed outright), so no watch outlives it.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { CommandContext } from "../../command/command-context.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { trapInterrupts } from "../../nix-cli/interrupt.ts";
import { TYPEFLAKE_PACKAGE_INFO } from "../../package-info.ts";

/** Set in the environment of the child that runs the watch. */
export const WATCH_CHILD_VARIABLE = "TYPEFLAKE_WATCH_CHILD";

/** How the child says it left to be started again (BSD's EX_TEMPFAIL): never a command's exit code. */
export const RESTART_EXIT_CODE = 75;

/**
 * Whether a watch that took `initial` bytes of memory after its first run and takes `now` should
 * leave to be started again: past three times its first run's, and at least 512 MB (a small
 * fleet's watch, which keeps a few hundred kilobytes a run, is never restarted in practice).
 */
export const outgrown = (initial: number, now: number): boolean => now > Math.max(3 * initial, 512 * 1024 * 1024);

/**
 * In the watch's child: end the watch as SIGTERM would when the command's process is gone (its
 * channel closes), since no signal of the terminal's reaches the child's process group.
 */
export const endWithSupervisor = (): void => {
  if (!process.connected) return;
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  // The channel alone does not keep the child running once its watch has ended.
  process.channel?.unref();
};

/** Run `generate --watch` with `args` in a child until it ends otherwise than to be restarted; its exit code is the command's. */
export const superviseWatch = async (context: CommandContext, args: readonly string[]): Promise<void> => {
  const trap = trapInterrupts();
  try {
    for (;;) {
      const child = spawn(process.execPath, [join(TYPEFLAKE_PACKAGE_INFO.root, "bin", "typeflake.mjs"), ...args], {
        cwd: context.io.cwd,
        env: { ...context.io.env, [WATCH_CHILD_VARIABLE]: "1" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        detached: true,
      });
      const passOn = () => child.kill(trap.signal.reason as NodeJS.Signals);
      trap.signal.addEventListener("abort", passOn);
      const code = await new Promise<number>((resolve) => {
        child.on("error", (thrown) => {
          context.io.stderr.write(`typeflake: could not start the watch: ${thrown.message}\n`);
          resolve(ExitCode.Failed);
        });
        child.on("close", (exit, signal) => resolve(exit ?? (signal ? ExitCode.Interrupted : ExitCode.Failed)));
      });
      trap.signal.removeEventListener("abort", passOn);
      if (code !== RESTART_EXIT_CODE || trap.signal.aborted) {
        context.setExitCode(code as ExitCode);
        return;
      }
      context.io.stderr.write("typeflake: starting the watch again, to free the memory its runs have kept\n");
    }
  } finally {
    trap.release();
  }
};
