/**
 * A code cache file as tests read it (the format is bin/code-cache.mjs's): its format line, and
 * where each module's cached code lies.
 */

/** One module's entry: its name, and the byte range of its cached code in the file. */
export interface CachedEntry {
  readonly name: string;
  readonly start: number;
  readonly length: number;
}

/** The format line and the entries of the cache file `bytes`. */
export const readCacheFile = (bytes: Buffer): { readonly format: string; readonly entries: readonly CachedEntry[] } => {
  const formatEnd = bytes.indexOf(10);
  const listEnd = bytes.indexOf(10, formatEnd + 1);
  const list = JSON.parse(bytes.toString("utf8", formatEnd + 1, listEnd)) as [string, string, number][];
  let start = listEnd + 1;
  const entries = list.map(([name, , length]) => {
    const entry = { name, start, length };
    start += length;
    return entry;
  });
  return { format: bytes.toString("utf8", 0, formatEnd), entries };
};
