/** Synchronous file-system look-ups that answer rather than throw, for the places that ask a thousand times. */
import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";

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

/** What is at `path` itself, a link not followed; undefined as for {@link statOf}. */
export const lstatOf = (path: string): Stats | undefined => {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

/** The real path of `path` (every link on the way followed); undefined when nothing is there. */
export const realPathOf = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};
