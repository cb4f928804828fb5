/**
 * `typeflake generate --watch`: generate, then stay and generate again whenever something the
 * fleet is made from changes, until Ctrl-C. Each run is an ordinary `generate` through the run
 * cache, which decides what changed exactly (a save that changed nothing reuses the record);
 * the watch only says when to look. It watches the folders of everything the last plan was made
 * from (see `watch/watch-plan.ts`), so a helper a host imports, a JSON file or a hardware.nix
 * counts, and the definition folders, so a new host does. Staying in one process, a run after an
 * edit skips Node's start-up and runs on code the JIT has already compiled.
 */
import { relative } from "node:path";
import type { RunFingerprint } from "../../cache/fingerprint.ts";
import type { CommandContext } from "../../command/command-context.ts";
import { AlreadyReported, UsageError } from "../../command/command-error.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { displayPath } from "../../diagnostics/display-path.ts";
import { trapInterrupts } from "../../nix-cli/interrupt.ts";
import { statOf } from "../../stat-of.ts";
import { ChangeQueue } from "../../watch/change-queue.ts";
import { FolderWatcher } from "../../watch/folder-watcher.ts";
import { isOwnWrite } from "../../watch/own-writes.ts";
import { watchPlan } from "../../watch/watch-plan.ts";
import { endWithSupervisor, outgrown, RESTART_EXIT_CODE, superviseWatch, WATCH_CHILD_VARIABLE } from "./watch-supervisor.ts";
import { plannedFiles, writePlanned } from "./write-planned.ts";

/** The `generate` flags a watch runs with, and those it refuses beside `--watch`. */
export interface WatchOptions {
  /** `--check`: refused beside `--watch` (a watch writes). */
  readonly check?: boolean;
  /** `--eval`: refused beside `--watch` (nix at every save would outlast the edits). */
  readonly eval?: boolean;
  /** `--json`: refused beside `--watch` (one document per run is no JSON document). */
  readonly json?: boolean;
  /** `--force`: every run overwrites files without typeflake's header, as `generate --force` does. */
  readonly force?: boolean;
  /** False with `--no-cache`. */
  readonly cache: boolean;
}

/** What one run of the watch leaves for the next: the files it generates and what its plan was made from. */
interface RunResult {
  readonly generated: readonly string[];
  readonly fingerprint?: RunFingerprint;
}

/** One `generate`; an invalid fleet's diagnostics are shown and nothing is written, as without `--watch`. */
const generateOnce = async (context: CommandContext, options: WatchOptions, code: string): Promise<RunResult> => {
  try {
    const planned = await plannedFiles(context, context.loadPlan({ reuse: options.cache, code }));
    await writePlanned(context, planned, options);
    return { generated: planned.plan.files.map((file) => file.path), ...(planned.fingerprint && { fingerprint: planned.fingerprint }) };
  } catch (thrown) {
    if (!(thrown instanceof AlreadyReported)) throw thrown;
    context.setExitCode(thrown.exitCode);
    return { generated: [] };
  }
};

/** A path (absolute) as messages show fleet files: relative to the fleet root; the root itself (made anew) as it is. */
const shown = (root: string, path: string): string => displayPath(path === root ? root : relative(root, path));

/**
 * `12:04:31 hosts/nas/host.ts changed`, or the first of several and how many more; one still
 * there first, since an editor's temporary files are gone by now.
 */
const changedLine = (root: string, paths: readonly string[]): string => {
  const first = paths.find((path) => statOf(path) !== undefined) ?? (paths[0] as string);
  const more = paths.length > 1 ? ` and ${paths.length - 1} more` : "";
  return `${new Date().toTimeString().slice(0, 8)} ${shown(root, first)}${more} changed\n`;
};

/**
 * Generate, then again after each change, until Ctrl-C or SIGTERM (exit code 130), in a child
 * process started again when its memory has grown too much (see `watch-supervisor.ts`).
 */
export const watchFleet = async (context: CommandContext, options: WatchOptions): Promise<void> => {
  if (options.check || options.eval || options.json) {
    throw new UsageError("--watch writes the files each time the fleet changes: it cannot be combined with --check, --eval or --json");
  }
  const root = context.fleetRoot();
  if (context.io.env[WATCH_CHILD_VARIABLE] !== "1") {
    return superviseWatch(context, ["generate", "--watch", "-C", root, ...(options.force ? ["--force"] : []), ...(options.cache ? [] : ["--no-cache"])]);
  }
  const { stderr } = context.io;
  const [{ codeIdentity }, { nearestCacheFolder }] = await Promise.all([import("../../cache/code-identity.ts"), import("../../cache/folder.ts")]);
  // Taken once: every record this process writes names the code it runs, not what an
  // `npm install` meanwhile put on disk.
  const code = await codeIdentity();
  const cacheFolder = nearestCacheFolder(root);
  const trap = trapInterrupts();
  endWithSupervisor();
  const changes = new ChangeQueue();
  const watcher = new FolderWatcher((path) => changes.add(path));
  const unwatchable = new Set<string>();
  // Files generated by any run so far: one a later run removes is its own change too.
  const generated = new Set<string>();
  let fingerprint: RunFingerprint | undefined;
  let firstMemory: number | undefined;
  let first = true;
  try {
    for (;;) {
      const run = await generateOnce(context, options, code);
      const memory = process.memoryUsage().rss;
      firstMemory ??= memory;
      if (outgrown(firstMemory, memory)) {
        // Not an exit code of typeflake's: only the supervisor sees it, and starts the watch again.
        context.setExitCode(RESTART_EXIT_CODE as ExitCode);
        return;
      }
      for (const path of run.generated) generated.add(path);
      fingerprint = run.fingerprint ?? fingerprint;
      const watching = watchPlan(root, fingerprint, run.fingerprint !== undefined);
      const { added, failed } = watcher.watchOnly(watching.folders);
      // A folder new since the last run (a host folder being copied in) may have filled before
      // its watch began: looked at once more, in case (the run cache answers if nothing changed).
      if (!first) for (const folder of added) changes.add(folder);
      first = false;
      for (const { folder, reason } of failed) {
        if (unwatchable.has(folder)) continue;
        unwatchable.add(folder);
        stderr.write(`typeflake: cannot watch ${shown(root, folder)} (${reason}${reason === "ENOSPC" ? ": the system's limit of watched folders, fs.inotify.max_user_watches, is reached" : ""}); changes there are not seen\n`);
      }
      stderr.write("Watching for changes (Ctrl-C to stop)\n");
      const ownWrite = isOwnWrite(root, generated, cacheFolder);
      const changed = await changes.next((path) => watching.matters(path) && !ownWrite(path), trap.signal);
      if (trap.signal.aborted) break;
      stderr.write(`\n${changedLine(root, changed)}`);
    }
  } finally {
    watcher.close();
    trap.release();
  }
  context.setExitCode(ExitCode.Interrupted);
};
