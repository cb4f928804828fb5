/**
 * Every change typeflake makes to the disk goes through these few functions, so the crash tests'
 * fault hook (`fault-hook.ts`) can stop a run after any one of them.
 */
import { constants } from "node:fs";
import { copyFile, link, open, rename, rmdir, unlink } from "node:fs/promises";
import { makeDirectories } from "../make-directories.ts";
import { fileOperation } from "./fault-hook.ts";

/** Create a new file (failing if it exists) holding `text`, flushed to disk, with `mode` if given. */
export const createFile = (path: string, text: string, mode?: number): Promise<void> => fileOperation(() => writeNew(path, text, mode));

async function writeNew(path: string, text: string, mode: number | undefined): Promise<void> {
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
}

export const renameFile = (from: string, to: string): Promise<void> => fileOperation(() => rename(from, to));
export const removeFile = (path: string): Promise<void> => fileOperation(() => unlink(path));
export const removeDirectory = (path: string): Promise<void> => fileOperation(() => rmdir(path));
/** Create a directory and its missing parents; returns the first one created, if any. */
export const makeDirectory = (path: string): Promise<string | undefined> => fileOperation(() => makeDirectories(path));

/**
 * A second name for `path`'s file, so its content survives `path` being replaced: a hard link,
 * or a copy where links are not possible (another file system). A hard link to an immutable or
 * append-only file is refused (EPERM), which is what makes this also a test of replaceability.
 */
export const keepCopy = (path: string, copy: string): Promise<void> => fileOperation(() => linkOrCopy(path, copy));

async function linkOrCopy(path: string, copy: string): Promise<void> {
  try {
    await link(path, copy);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw cause;
    await copyFile(path, copy, constants.COPYFILE_EXCL);
  }
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
