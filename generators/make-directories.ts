/**
 * `mkdir -p` that says why a folder cannot be made. Node's recursive mkdir answers ENOENT for a
 * folder it may not make on a read-only file system (where the plain call says EROFS), which
 * told the user "no such file or directory" about the very folder typeflake was making.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";

/** Create a directory and its missing parents; returns the first one created, if any. */
export async function makeDirectories(path: string): Promise<string | undefined> {
  try {
    return await mkdir(path, { recursive: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
    throw await plainMkdirError(path, cause);
  }
}

/**
 * The error of a plain mkdir of the first missing folder on the way to `path`, which names the
 * real cause; `fallback` when that is ENOENT again, or when the mkdir succeeds (made in between).
 */
async function plainMkdirError(path: string, fallback: unknown): Promise<unknown> {
  const parent = dirname(path);
  if (parent !== path && (await stat(parent).catch(() => undefined)) === undefined) return plainMkdirError(parent, fallback);
  try {
    await mkdir(path);
  } catch (plain) {
    return (plain as NodeJS.ErrnoException).code === "ENOENT" ? fallback : plain;
  }
  return fallback;
}
