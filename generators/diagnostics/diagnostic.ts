/**
 * Problems are data (as zod's issues): a stable `code` from a closed list, the typed facts of the
 * problem (`data`: what was expected, what was given, the closest valid name, …) and where it is.
 * The words are chosen late, in one place (`messages/`), and so are source positions: the happy
 * path never loads a TypeScript parser, and no check writes a sentence.
 */
import type { DiagnosticFields } from "./codes.ts";
import type { ObjectPathSegment, SourceOrigin } from "./origin.ts";

export type { ObjectPathSegment, SourceOrigin } from "./origin.ts";

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

/** Every code typeflake emits, e.g. `unknown-key`, `invalid-cidr`, `unknown-option`. */
export type DiagnosticCode = keyof DiagnosticFields;

/** A diagnostic with the code `C` and that code's fields. */
export interface DiagnosticOf<C extends DiagnosticCode> {
  readonly severity: Severity;
  /** Stable machine-readable identifier, e.g. `unknown-key`, `invalid-cidr`, `unknown-option`. */
  readonly code: C;
  /** The facts of the problem, typed by `code` (see `codes/`); `messageOf` words them. */
  readonly data: DiagnosticFields[C];
  readonly origin: SourceOrigin;
  /** Filled in by the locator just before the diagnostic is shown. */
  readonly location?: SourceLocation;
  /** Other places involved (the first definition of a duplicate, the host a reference names). */
  readonly related?: readonly RelatedOrigin[];
}

/** The diagnostics of the codes `C`, one union member per code. */
export type DiagnosticFor<C extends DiagnosticCode> = C extends DiagnosticCode ? DiagnosticOf<C> : never;

/** One problem: a union keyed by `code`, so `diagnostic.code === "unknown-key"` narrows `data`. */
export type Diagnostic = DiagnosticFor<DiagnosticCode>;

/** The constructor of diagnostics of one severity: `error("unknown-key", origin, { key, valid })`. */
const ofSeverity =
  (severity: Severity) =>
  <C extends DiagnosticCode>(code: C, origin: SourceOrigin, data: DiagnosticFields[C], related?: readonly SourceOrigin[]): DiagnosticFor<C> =>
    // Sound for one code; for a union of codes the caller's data was checked against that union.
    (related?.length ? { severity, code, data, origin, related } : { severity, code, data, origin }) as DiagnosticFor<C>;

/** Build an error diagnostic. */
export const error = ofSeverity("error");

/** Build a warning: a problem that does not stop generation. */
export const warning = ofSeverity("warning");

/** Build an info line: a note about the run itself, not a problem. */
export const info = ofSeverity("info");

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

