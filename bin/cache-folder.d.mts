/** The `node_modules/.cache/typeflake/` of the nearest `node_modules` at or above `start` (absolute; not created here), or undefined without any. */
export declare const nearestCacheFolder: (start: string) => string | undefined;

/** The name prefix of work in progress of this process: `<what>-<pid>-`. */
export declare const inProgressPrefix: (what: "load" | "write") => string;
