/**
 * The changes a watch makes itself, which must not start another run: the files it generates
 * (and those it removed), its temporary files beside them, its state (`.typeflake/`: manifest,
 * lock, journal) and the run cache's folder. The fleet's own option schema lives under
 * `.typeflake/options/` and is an input like any other.
 */
import { basename, relative, sep } from "node:path";
import { isTempName } from "../emit/atomic.ts";
import { STATE_DIRECTORY } from "../emit/paths.ts";
import { FLEET_SCHEMA_DIR } from "../options/fleet-schema.ts";

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/**
 * Whether a change to `path` (absolute) under the fleet at `root` is the watch's own doing:
 * `generated` holds the fleet-relative paths it writes or wrote; `cacheFolder`, the run cache's
 * folder (absolute), when there is one.
 */
export const isOwnWrite = (root: string, generated: ReadonlySet<string>, cacheFolder: string | undefined) => (path: string): boolean => {
  const inFleet = relative(root, path).split(sep).join("/");
  return (
    generated.has(inFleet) ||
    isTempName(basename(path)) ||
    (within(inFleet, STATE_DIRECTORY) && !within(inFleet, FLEET_SCHEMA_DIR)) ||
    (cacheFolder !== undefined && within(path, cacheFolder))
  );
};
