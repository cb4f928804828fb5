/**
 * Problems are data (as zod's issues): a stable `code`, where the problem is, and a message that
 * says what is wrong and what would be valid. Source positions are resolved late, only when a
 * diagnostic is about to be shown, so the happy path never loads a TypeScript parser.
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

/** A resolved position in a source file (1-based line and column, as editors show them). */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  /** The text of that source line, for the caret display. */
  readonly sourceLine?: string;
}

/** Another place involved in a problem; the locator fills in `location` before it is shown. */
export interface RelatedOrigin extends SourceOrigin {
  readonly location?: SourceLocation;
}

/** `info`: a note about the run itself (checks skipped because of other errors), not a problem. */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable identifier, e.g. `unknown-key`, `invalid-cidr`, `unknown-option`. */
  readonly code: string;
  /** What is wrong and what would be valid; does not repeat the file or object path. */
  readonly message: string;
  readonly origin: SourceOrigin;
  /** Filled in by the locator just before the diagnostic is shown. */
  readonly location?: SourceLocation;
  /** Other places involved (the first definition of a duplicate, the host a reference names). */
  readonly related?: readonly RelatedOrigin[];
}

/** Build an error diagnostic. */
export const error = (
  code: string,
  origin: SourceOrigin,
  message: string,
  related?: readonly SourceOrigin[],
): Diagnostic => (related?.length ? { severity: "error", code, message, origin, related } : { severity: "error", code, message, origin });

/** The origin of a value below `origin`. */
export const child = (origin: SourceOrigin, ...segments: ObjectPathSegment[]): SourceOrigin => ({
  file: origin.file,
  objectPath: [...origin.objectPath, ...segments],
});

/** Render an object path the way users write it: `services.samba.shares.media.path`, `peers[0]`. */
export const formatObjectPath = (path: readonly ObjectPathSegment[]): string =>
  path.reduce<string>((text, segment) => {
    if (typeof segment === "number") return `${text}[${segment}]`;
    const name = /^[A-Za-z_$][\w$-]*$/.test(segment) ? segment : JSON.stringify(segment);
    return text === "" ? name : `${text}.${name}`;
  }, "");
