/** A synchronous `stat` that answers rather than throws, for the places that ask a thousand times. */
import { type Stats, statSync } from "node:fs";

/**
 * What is at `path`, following links; undefined when nothing readable is there (missing, a file
 * where a folder should be, no permission). `throwIfNoEntry: false` spares the usual case,
 * a missing file, the cost of an exception; the others are caught.
 */
export const statOf = (path: string): Stats | undefined => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};
