/**
 * Which fleet a command acts on: the folder given with `-C`, else the nearest folder holding
 * `typeflake.config.ts` from the working directory upwards — as git, tsc and eslint find theirs,
 * so `cd hosts/nas && typeflake generate` acts on the whole fleet.
 */
import { lstatSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../command/command-error.ts";
import { CONFIG_FILE } from "../load/layout.ts";
import { shellQuote } from "../nix-cli/command-line.ts";

/** No fleet where the user is; the message says where typeflake looked and what to do. Exit code 1. */
export class FleetRootNotFound extends UsageError {}

/**
 * Whether `folder` holds a `typeflake.config.ts`: any entry of that name but a folder, a named
 * pipe, an unreadable file or a dangling link included, which the load then reports for what it
 * is (`load/path-problem.ts`) rather than as no fleet at all. A folder typeflake may not look into
 * (EACCES) holds no fleet it could use either.
 */
const hasConfig = (folder: string): boolean => {
  const path = join(folder, CONFIG_FILE);
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined && statSync(path, { throwIfNoEntry: false })?.isDirectory() !== true;
  } catch {
    return false;
  }
};

/** Whether something that is not a folder (a file, a link to one) is at `path`. */
const isFileNotFolder = (path: string): boolean => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === false;
  } catch {
    return false;
  }
};

/** The nearest folder from `start` (absolute) upwards that holds `typeflake.config.ts`, if any. */
export const nearestFleetRoot = (start: string): string | undefined => {
  for (let folder = start; ; folder = dirname(folder)) {
    if (hasConfig(folder)) return folder;
    if (dirname(folder) === folder) return undefined;
  }
};

/**
 * The absolute fleet root: `explicit` (`-C <dir>`, relative to `cwd`) when given, else the
 * nearest fleet root around `cwd`. Throws `FleetRootNotFound` when there is no fleet there.
 */
export const findFleetRoot = (cwd: string, explicit?: string): string => {
  if (explicit !== undefined) {
    const root = resolve(cwd, explicit);
    if (hasConfig(root)) return root;
    if (isFileNotFolder(root)) {
      // `-C fleet/typeflake.config.ts` names the fleet by its file: its folder is meant.
      const meant = basename(root) === CONFIG_FILE ? `its folder: -C ${shellQuote(dirname(explicit))}` : `the folder that holds the fleet's ${CONFIG_FILE}`;
      throw new FleetRootNotFound(`${root} (given with -C) is a file, not a folder; pass -C ${meant}`);
    }
    throw new FleetRootNotFound(
      `no ${CONFIG_FILE} in ${root} (given with -C); pass -C the folder that holds the fleet's ${CONFIG_FILE}, or run \`typeflake init ${shellQuote(explicit)}\` to create a fleet there`,
    );
  }
  const found = nearestFleetRoot(cwd);
  if (found !== undefined) return found;
  throw new FleetRootNotFound(
    `no ${CONFIG_FILE} in ${cwd} or any parent folder; run \`typeflake init\` to create a fleet, or pass -C <dir>`,
  );
};
