/** Where the bench works: the repository, its CLI, and the git-ignored scratch folder for fleets. */
import { resolve } from "node:path";

/** The typeflake repository (fleets inside it import "typeflake" through its package.json). */
export const REPOSITORY = resolve(import.meta.dirname, "..");

/** The CLI launcher, as users run it (`typeflake` → bin/typeflake.mjs → dist/, built by the bench first). */
export const CLI = resolve(REPOSITORY, "bin/typeflake.mjs");

/** The CLI's TypeScript entry, for the figure of running typeflake from its sources through tsx. */
export const CLI_SOURCES = resolve(REPOSITORY, "generators/cli/main.ts");

/**
 * Synthetic fleets and profiles, written at run time. Inside the repository so fleet files can
 * `import … from "typeflake"`; git-ignored; a dot folder, so TypeScript's `include` globs skip it.
 */
export const SCRATCH = resolve(REPOSITORY, "bench/.fleets");
