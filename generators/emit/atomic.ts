/**
 * File operations that leave either the old file or the new one, never half of either: content
 * goes to a temporary file beside the target, is flushed to disk, and only then renamed over it
 * (a rename within one directory is atomic on POSIX file systems).
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rmdir, unlink } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";

/** Marks typeflake's temporary files, so a leftover from a crash is recognisable by name. */
export const TEMP_MARKER = ".typeflake-tmp-";

/** Write `text` to a new temporary file beside `target`, flushed to disk; returns its path. */
export async function writeTemp(target: string, text: string): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}${TEMP_MARKER}${randomBytes(6).toString("hex")}`);
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
    await handle.close();
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw cause;
  }
  return temp;
}

/**
 * Create `directory` and its missing parents; returns the ones created, deepest first, so a
 * failed run can take back exactly what it added.
 */
export async function makeDirectories(directory: string): Promise<string[]> {
  const first = await mkdir(directory, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let current = directory; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) return created;
  }
}

/** Remove `directory` and then each parent strictly below `root` that has become empty. */
export async function pruneEmptyDirectories(root: string, directory: string): Promise<void> {
  for (let current = directory; isStrictlyBelow(root, current); current = dirname(current)) {
    // rmdir refuses non-empty directories: the first one still holding anything ends the walk.
    const removed = await rmdir(current).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
}

function isStrictlyBelow(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !isAbsolute(rel) && rel.split(sep)[0] !== "..";
}

/**
 * Flush a directory's entries (the renames and unlinks in it) to disk. Best effort: some
 * platforms (Windows) and file systems cannot open or sync a directory, and the data itself was
 * already flushed, so a failure here only weakens crash durability, it loses nothing.
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
