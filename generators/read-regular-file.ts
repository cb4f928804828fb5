/**
 * Reading a file that may turn out not to be one. A named pipe (FIFO) under a fleet's name, or a
 * character device such as `/dev/zero` behind a symbolic link, would make a plain `readFile`
 * wait for a writer forever or read without end; typeflake must answer instead.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";

/**
 * The bytes of `path` and the stat of those very bytes (one open file), or undefined when it is
 * missing, unreadable, or not a regular file. Opened with `O_NONBLOCK`, which makes opening a FIFO
 * return at once instead of waiting for a writer, so its fstat can say what it is before any read;
 * on a regular file the flag changes nothing.
 */
export const readRegularFile = (path: string): { readonly bytes: Buffer; readonly stats: Stats } | undefined => {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    return stats.isFile() ? { bytes: readFileSync(descriptor), stats } : undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
};
