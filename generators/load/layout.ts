/**
 * Where a fleet's TypeScript lives, relative to the fleet root (the folder holding
 * `typeflake.config.ts`).
 */

/** The fleet configuration file. */
export const CONFIG_FILE = "typeflake.config.ts";

/** Hosts: `hosts/<name>/host.ts`, the name taken from the folder. */
export const HOSTS_DIR = "hosts";
/** The file inside each host folder. */
export const HOST_FILE = "host.ts";
/** Shared modules: `modules/<name>.ts`. */
export const MODULES_DIR = "modules";
/** Overlays: `overlays/<name>.ts`. */
export const OVERLAYS_DIR = "overlays";
/** Homes: `homes/<user>.ts` or `homes/<user>/home.ts`, and `homes/<user>@<host>.ts` for one host. */
export const HOMES_DIR = "homes";
/** The file inside a home folder. */
export const HOME_FILE = "home.ts";
