/**
 * The run record on disk: one file per fleet root in the cache folder, replaced atomically (a
 * temporary file renamed over it), so that concurrent runs each leave a whole record — every
 * record is keyed on the inputs of the run that wrote it, so whichever lands last is right for
 * its own inputs — and a reader sees one whole record or the one before it.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "../emit/manifest.ts";
import { inProgressPrefix, tidyCacheFolder } from "./folder.ts";
import { checksumHeader, type Checksummed } from "./checksummed.ts";
import { parseRecord, recordContent, type RunRecord } from "./run-record.ts";

/** The record file of the fleet at `root` (absolute) in the cache folder `folder`. */
export const recordFile = (folder: string, root: string): string => join(folder, `run-${contentHash(root).slice(0, 16)}.json`);

/** The record in `file`, or undefined when there is none or it is not whole and intact. */
export const readRecord = async (file: string): Promise<RunRecord | undefined> => {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes === undefined ? undefined : parseRecord(bytes);
};

/** Store `record` in `file` (see {@link writeCacheFile}). */
export const writeRecord = (file: string, record: RunRecord): Promise<void> => writeCacheFile(file, recordContent(record));

/** The body's pieces are gathered into writes of at least this many characters. */
const WRITE_SIZE = 1 << 16;

/** `pieces` joined into strings of at least `size` characters (the last one may be shorter). */
function* gathered(pieces: Iterable<string>, size: number): Generator<string> {
  let chunk = "";
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length < size) continue;
    yield chunk;
    chunk = "";
  }
  if (chunk !== "") yield chunk;
}

/**
 * `content` written to the new file `path` a chunk of its body at a time, hashed as it goes: the
 * header goes first with a placeholder of the hash's length, overwritten once the body is hashed.
 * The body (several megabytes in the run record of a large fleet) is never one string, nor
 * encoded whole to bytes, twice (the write and the hash), as it was.
 */
const writeChecksummed = async (path: string, { format, body }: Checksummed): Promise<void> => {
  const handle = await open(path, "w");
  try {
    await handle.write(checksumHeader(format, "0".repeat(64)));
    const hash = createHash("sha256");
    for (const chunk of gathered(body, WRITE_SIZE)) {
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.write(checksumHeader(format, hash.digest("hex")), 0);
  } finally {
    await handle.close();
  }
};

/**
 * Replace `file`, in the cache folder, with `content`, then tidy the folder (see
 * `tidyCacheFolder`: the new record is the newest, so it is kept). A cache that cannot be written (read-only
 * or full disk) only costs the next run its shortcut: the failure is swallowed, and no temporary
 * file is left behind.
 */
export const writeCacheFile = async (file: string, content: Checksummed): Promise<void> => {
  const folder = join(file, "..");
  const temporary = join(folder, `${inProgressPrefix("write")}${randomBytes(6).toString("hex")}`);
  try {
    await mkdir(folder, { recursive: true });
    await writeChecksummed(temporary, content);
    await rename(temporary, file);
    await tidyCacheFolder(folder);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
};
