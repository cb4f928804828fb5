/**
 * File hashes known without reading the files, the way git's index knows a file is unchanged:
 * each hash is remembered with the file's stat (device, inode, size, modification and change
 * times) as it was when the file was read, and is reused while the stat is the same. An edit
 * changes the change time (which no tool can set back), a replacement the inode.
 *
 * A file changed within the same clock tick as it was read could keep its stat ("racily clean",
 * in git's words). So a hash is remembered only when the file's times lie well before the moment
 * its read began: any later change would have to stamp a time after that moment, and so a
 * different stat. A file written this run is therefore read once more by the next run, which
 * then remembers it.
 *
 * The memo is data; reading and writing it is the cache's (`cache/hash-memo-store.ts`).
 */
import type { Stats } from "node:fs";

/**
 * How long before a read began a file must have last changed for its hash to be remembered: file
 * systems stamp with a coarse clock, some only to the second or two (FAT, HFS+), and a network
 * file system with the server's clock.
 */
export const CLOCK_SLACK_MS = 2_000;

/** After how many runs that did not look a file up its hash is forgotten (a renamed host's files). */
const FORGET_AFTER_RUNS = 8;

/** One remembered hash: the stat it was read with (see {@link statKey}), the hash, and the runs since one looked it up. */
export type MemoEntry = readonly [stat: string, sha256: string, unusedRuns: number];

/** Absolute path → its remembered hash, as stored between runs. */
export type MemoEntries = Readonly<Record<string, MemoEntry>>;

/** The parts of a stat that change when a file's bytes do, as one comparable string. */
export const statKey = (stats: Stats): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

/** Remembered hashes, looked up and added to during one run; {@link HashMemo.entries} is what the next run gets. */
export class HashMemo {
  readonly #previous: ReadonlyMap<string, MemoEntry>;
  readonly #used = new Map<string, MemoEntry>();
  #changed = false;

  /** A memo of the hashes `entries` remembers (none: an empty memo, as with `--no-cache`). */
  constructor(entries: MemoEntries = {}) {
    this.#previous = new Map(Object.entries(entries));
  }

  /** The hash remembered for `path` (absolute), when `stats` (its stat now) is the stat it was read with. */
  hashOf(path: string, stats: Stats): string | undefined {
    const entry = this.#previous.get(path);
    if (entry === undefined || entry[0] !== statKey(stats)) return undefined;
    if (!this.#used.has(path)) this.#used.set(path, [entry[0], entry[1], 0]);
    if (entry[2] !== 0) this.#changed = true;
    return entry[1];
  }

  /**
   * Remember that `path` (absolute), whose stat was `stats` while it was read, hashed to `sha256`;
   * `readFrom` is when the read began (ms since the epoch). Not remembered when the file changed
   * too close to that moment to rule out a change the stat would not show.
   */
  remember(path: string, stats: Stats, sha256: string, readFrom: number): void {
    const settled = readFrom - CLOCK_SLACK_MS;
    if (stats.mtimeMs >= settled || stats.ctimeMs >= settled) return;
    const entry: MemoEntry = [statKey(stats), sha256, 0];
    const before = this.#previous.get(path);
    if (before === undefined || before[0] !== entry[0] || before[1] !== entry[1] || before[2] !== 0) this.#changed = true;
    this.#used.set(path, entry);
  }

  /** Whether {@link entries} differ from what the memo was made from, so that they are worth storing. */
  get changed(): boolean {
    return this.#changed || [...this.#previous.keys()].some((path) => !this.#used.has(path));
  }

  /** What to remember for the next run: every hash used or remembered now, and the others until they go unused too long. */
  entries(): MemoEntries {
    const kept: Record<string, MemoEntry> = {};
    for (const [path, [stat, sha256, unused]] of this.#previous) {
      if (!this.#used.has(path) && unused + 1 < FORGET_AFTER_RUNS) kept[path] = [stat, sha256, unused + 1];
    }
    for (const [path, entry] of this.#used) kept[path] = entry;
    return kept;
  }
}
