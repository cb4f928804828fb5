/**
 * Every change typeflake makes to the disk goes through these few functions, so the crash tests'
 * fault hook (`fault-hook.ts`) can stop a run after any one of them.
 */
import { chmod, copyFile, link, mkdir, open, rename, rmdir, unlink } from "node:fs/promises";
import { afterFileOperation } from "./fault-hook.ts";

async function counted<T>(operation: Promise<T>): Promise<T> {
  const result = await operation;
  afterFileOperation();
  return result;
}

/** Create a new file (failing if it exists) holding `text`, flushed to disk, with `mode` if given. */
export async function createFile(path: string, text: string, mode?: number): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(text, "utf8");
    // Set explicitly: the mode given to open() is reduced by the umask, a kept mode must not be.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw cause;
  }
  await handle.close();
  afterFileOperation();
}

export const renameFile = (from: string, to: string): Promise<void> => counted(rename(from, to));
export const removeFile = (path: string): Promise<void> => counted(unlink(path));
export const removeDirectory = (path: string): Promise<void> => counted(rmdir(path));
export const makeDirectory = (path: string): Promise<string | undefined> => counted(mkdir(path, { recursive: true }));
export const changeMode = (path: string, mode: number): Promise<void> => counted(chmod(path, mode));

/**
 * A second name for `path`'s file, so its content survives `path` being replaced: a hard link,
 * or a copy where links are not possible (another file system). A hard link to an immutable or
 * append-only file is refused (EPERM), which is what makes this also a test of replaceability.
 */
export async function keepCopy(path: string, copy: string): Promise<void> {
  try {
    await link(path, copy);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw cause;
    await copyFile(path, copy);
  }
  afterFileOperation();
}

/**
 * Flush a directory's entries (the renames and unlinks in it) to disk. Best effort: some
 * platforms (Windows) and file systems cannot open or sync a directory, and the data itself was
 * already flushed, so a failure here only weakens durability after a power cut, it loses nothing.
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
