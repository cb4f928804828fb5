/**
 * Where a value was written. Its own file so that the diagnostic codes (`codes/`), which
 * `diagnostic.ts` reads, can name places without importing `diagnostic.ts` back.
 */

/** One step of a path inside a `define*({ … })` object: a property name or an array index. */
export type ObjectPathSegment = string | number;

/** Where a value was written: a TypeScript source file and the path inside its `define*` object. */
export interface SourceOrigin {
  /** Source file, relative to the fleet root with `/` separators, e.g. `hosts/nas/host.ts`. */
  readonly file: string;
  /** Path inside the object passed to `define*`, e.g. `["services", "samba", "shares", "media", "path"]`. */
  readonly objectPath: readonly ObjectPathSegment[];
}
