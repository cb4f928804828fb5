/**
 * `mkdir -p`: a folder and its missing parents, made one at a time. Node's own recursive mkdir
 * never returns when the file system refuses a folder with ENOENT under a parent that exists
 * (`/proc` does: `typeflake init /proc/x` spun for good); made one at a time, that refusal is an
 * error like any other.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";

const isFolder = async (path: string): Promise<boolean> => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;

/**
 * Make `path` (absolute) and its missing parents; the first folder made, undefined when it was
 * there already (as Node's `mkdir(path, { recursive: true })` answers). Throws what mkdir threw
 * when a folder cannot be made, `EEXIST` when `path` is something else than a folder.
 */
export const makeFolders = async (path: string): Promise<string | undefined> => {
  try {
    await mkdir(path);
    return path;
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && (await isFolder(path))) return undefined;
    const parent = dirname(path);
    if (code !== "ENOENT" || parent === path) throw thrown;
    const first = await makeFolders(parent);
    try {
      await mkdir(path);
    } catch (again) {
      // Made meanwhile by someone else: as good.
      if ((again as NodeJS.ErrnoException).code !== "EEXIST" || !(await isFolder(path))) throw again;
    }
    return first ?? path;
  }
};
