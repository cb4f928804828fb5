/**
 * One writer at a time: `.typeflake/lock` is created exclusively by whoever writes the fleet
 * (`generate`, and recovery of an unfinished write) and removed when it is done. It names its
 * holder (pid, host, when it was taken), so a waiting or refused run can say who holds it. A
 * lock whose holder died (same host, no such process, or the pid now belongs to a process that
 * started later) is stale and taken over, and so is one copied with the fleet while its holder
 * ran (same host, the lock names another `.typeflake/` folder than the one it lies in: the holder
 * writes to the original). Read-only commands never take it.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isJsonObject } from "../json-object.ts";
import { absoluteIn, tempPathFor } from "./atomic.ts";
import { createFile, keepCopy, makeDirectory, removeDirectory, removeFile, renameFile } from "./file-ops.ts";
import { STATE_DIRECTORY } from "./paths.ts";

/** The lock's path, relative to the fleet root. */
export const LOCK_PATH = `${STATE_DIRECTORY}/lock`;

/** Environment variable: how many seconds a writer waits for another one to finish (default 20). */
export const LOCK_TIMEOUT_VARIABLE = "TYPEFLAKE_LOCK_TIMEOUT";

const DEFAULT_TIMEOUT_MS = 20_000;

/** Who holds the lock: the lock file's JSON. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  /** The holder's process start time as the kernel counts it (Linux), to see through pid reuse. */
  readonly processStart?: string;
  /** Tells this run's lock from a later one taken by the same pid. */
  readonly token: string;
  /** The `.typeflake/` folder the lock was taken in (device and inode): a copy of the lock lies in another. */
  readonly folder?: string;
}

/** Options of `acquireLock`. */
export interface LockOptions {
  /** How long to wait for a live holder; default from `TYPEFLAKE_LOCK_TIMEOUT` (seconds), else 20 s. */
  readonly timeoutMs?: number;
  /** Called once, when the lock is found held by a live process and the wait begins. */
  readonly onWait?: (holder: LockHolder) => void;
}

/** The lock, held; `release` is idempotent. */
export interface HeldLock {
  readonly release: () => Promise<void>;
}

/** The outcome of `acquireLock`. */
export type LockResult = { readonly ok: true; readonly lock: HeldLock } | { readonly ok: false; readonly holder: LockHolder; readonly waitedMs: number };

/** The configured wait, from the environment. */
export function lockTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const seconds = Number(env[LOCK_TIMEOUT_VARIABLE]);
  return env[LOCK_TIMEOUT_VARIABLE] !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

/** Take the fleet's lock, waiting a bounded time for a live holder. I/O errors are thrown. */
export async function acquireLock(root: string, options: LockOptions = {}): Promise<LockResult> {
  const timeoutMs = options.timeoutMs ?? lockTimeoutMs();
  const path = absoluteIn(root, LOCK_PATH);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
    ...optional("processStart", processStartOf(process.pid)),
  };
  const began = Date.now();
  let waiting = false;
  let pause = 25;
  // The root must exist: typeflake never creates the folders above the fleet.
  if (!(await stat(root)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, '${root}'`), { code: "ENOTDIR" });
  let madeStateDirectory = false;
  try {
    return await takeOrWait();
  } catch (cause) {
    // A lock that cannot be taken (a full disk) leaves nothing behind: not even the folder it made.
    if (madeStateDirectory) await removeDirectory(absoluteIn(root, STATE_DIRECTORY)).catch(() => undefined);
    throw cause;
  }

  async function takeOrWait(): Promise<LockResult> {
    for (;;) {
      madeStateDirectory ||= (await makeDirectory(absoluteIn(root, STATE_DIRECTORY))) !== undefined;
      const created = await tryCreate(path, { ...me, ...optional("folder", await folderIdentity(dirname(path))) }).catch((cause: NodeJS.ErrnoException) => {
        if (cause.code === "ENOENT") return undefined; // the folder went away in between: make it again
        throw cause;
      });
      if (created === undefined) continue;
      if (created) return { ok: true, lock: held(path, me, madeStateDirectory) };
      const holder = await readHolder(path);
      if (holder === undefined) continue; // released in between: try again at once
      if (holder === "unreadable" || (await isStale(holder, dirname(path)))) {
        await breakStale(path, holder);
        continue;
      }
      const waitedMs = Date.now() - began;
      if (waitedMs >= timeoutMs) return { ok: false, holder, waitedMs };
      if (!waiting) options.onWait?.(holder);
      waiting = true;
      await sleep(Math.min(pause, timeoutMs - waitedMs));
      pause = Math.min(pause * 2, 250);
    }
  }
}

/** The live holder of the lock, if any: a stale or missing lock gives `undefined`. */
export async function liveHolder(root: string): Promise<LockHolder | undefined> {
  const path = absoluteIn(root, LOCK_PATH);
  const holder = await readHolder(path);
  return holder instanceof Object && !(await isStale(holder, dirname(path))) ? holder : undefined;
}

/** The holder named in a lock message: `pid 4242 on nas, since 2026-12-06T04:12:17.000Z`. */
export const describeHolder = (holder: LockHolder): string => `pid ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}`;

/** The line a run shows when it starts waiting for `holder` to release the fleet's lock. */
export const waitingLine = (holder: LockHolder): string => `Waiting for another typeflake run to finish (${describeHolder(holder)})…\n`;

/** Create the lock with its content in one step: a full temporary file, hard-linked into place. */
async function tryCreate(path: string, me: LockHolder): Promise<boolean> {
  const temp = tempPathFor(path);
  await createFile(temp, `${JSON.stringify(me)}\n`);
  try {
    await keepCopy(temp, path);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw cause;
  } finally {
    await removeFile(temp).catch(() => undefined);
  }
}

/** The lock, held; `.typeflake/` is removed again on release when this run made it and left it empty. */
function held(path: string, me: LockHolder, madeStateDirectory: boolean): HeldLock {
  // A run that ends without releasing (an exception, process.exit) must not leave its lock behind.
  const onExit = () => {
    if (ownsSync(path, me)) unlinkSync(path);
  };
  process.once("exit", onExit);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      if (ownsSync(path, me)) await removeFile(path); // if this fails, the exit handler tries again
      released = true;
      process.removeListener("exit", onExit);
      if (madeStateDirectory) await removeDirectory(dirname(path)).catch(() => undefined);
    },
  };
}

function ownsSync(path: string, me: LockHolder): boolean {
  try {
    return parseHolder(readFileSync(path, "utf8"))?.token === me.token;
  } catch {
    return false;
  }
}

/** The holder, `undefined` when there is no lock, `"unreadable"` for a lock that is not one. */
async function readHolder(path: string): Promise<LockHolder | "unreadable" | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
  return parseHolder(text) ?? "unreadable";
}

/**
 * The holder in a lock file's text, or `undefined` when it is not one. Checked by hand: every
 * `generate` reads its own lock back on release, and zod's loading would cost more than the run's check.
 */
function parseHolder(text: string): LockHolder | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  const fields = value;
  const { pid, startedAt, processStart, token, folder } = fields;
  const named = fields["hostname"];
  if (!Number.isInteger(pid) || typeof named !== "string" || typeof startedAt !== "string" || typeof token !== "string") return undefined;
  if (processStart !== undefined && typeof processStart !== "string") return undefined;
  if (folder !== undefined && typeof folder !== "string") return undefined;
  return { pid: pid as number, hostname: named, startedAt, token, ...(processStart !== undefined && { processStart }), ...(folder !== undefined && { folder }) };
}

/** The identity of the folder at `path` (device and inode), undefined when it cannot be read. */
const folderIdentity = async (path: string): Promise<string | undefined> => {
  const stats = await stat(path).catch(() => undefined);
  return stats && `${stats.dev}:${stats.ino}`;
};

/**
 * Whether the holder is known to be gone from the lock in `folder` (its `.typeflake/`): dead, or
 * writing to the folder the lock was copied from. A holder on another host is never presumed
 * dead, nor judged by folder (a shared file system's device numbers differ between hosts).
 */
async function isStale(holder: LockHolder, folder: string): Promise<boolean> {
  if (holder.hostname !== hostname()) return false;
  if (!isAlive(holder.pid)) return true;
  const start = processStartOf(holder.pid);
  if (holder.processStart !== undefined && start !== undefined && start !== holder.processStart) return true;
  return holder.folder !== undefined && holder.folder !== (await folderIdentity(folder));
}

/**
 * Remove a stale lock. It is first renamed to a private name and checked: if another process
 * replaced the stale lock with a live one in between, that one is put back.
 */
async function breakStale(path: string, stale: LockHolder | "unreadable"): Promise<void> {
  const aside = tempPathFor(path);
  try {
    await renameFile(path, aside);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return; // someone else broke it
    throw cause;
  }
  const taken = await readHolder(aside);
  const same = taken === stale || (taken instanceof Object && stale instanceof Object && taken.token === stale.token);
  if (!same) await keepCopy(aside, path).catch(() => undefined);
  await removeFile(aside).catch(() => undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of `/proc/<pid>/stat` (start time in clock ticks since boot); `undefined` off Linux. */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
