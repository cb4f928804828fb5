/** The list of repository files `dist/` was built from (relative, `/`-separated), under `dist/`; written last by scripts/build.ts. */
export declare const BUILD_INPUTS_FILE: string;

/** Whether `dist/` under the repository `root` is missing, unfinished or older than one of the files it was built from. */
export declare const distIsStale: (root: string) => boolean;
