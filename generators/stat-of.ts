/** A synchronous `stat` that answers rather than throws, for the places that ask a thousand times. */
import { type Stats, statSync } from "node:fs";

/**
 * What is at `path`, following links; undefined when nothing readable is there (missing, a file
 * where a folder should be, no permission). `throwIfNoEntry: false` covers only the first.
 */
export const statOf = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
