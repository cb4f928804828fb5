/**
 * Diagnostics as JSON for editors and CI (`typeflake … --json`): one flat record per problem,
 * positions 1-based (null when the file could not be read), the rendered message beside the
 * typed fields it was worded from (`data`, whose shape each `code` fixes; see docs/diagnostics.md).
 */
import type { DiagnosticFields } from "./codes.ts";
import {
  formatObjectPath,
  type Diagnostic,
  type DiagnosticCode,
  type ObjectPathSegment,
  type RelatedOrigin,
  type Severity,
} from "./diagnostic.ts";
import { displayPath } from "./display-path.ts";
import { messageOf } from "./messages/index.ts";

/** A place in a file. */
export interface PlaceRecord {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  /** The object path written as in TypeScript, e.g. `services.samba.shares.media.path`. */
  readonly path: string;
  /** The same path as segments. */
  readonly objectPath: readonly ObjectPathSegment[];
}

/** One diagnostic. */
export interface DiagnosticRecord extends PlaceRecord {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  /** What is wrong and what would be valid, in words (as the terminal shows it). */
  readonly message: string;
  /** The typed facts `message` was worded from; their shape depends on `code`. */
  readonly data: DiagnosticFields[DiagnosticCode];
  readonly related: readonly PlaceRecord[];
}

const place = (origin: RelatedOrigin): PlaceRecord => ({
  file: displayPath(origin.file),
  line: origin.location?.line ?? null,
  column: origin.location?.column ?? null,
  path: formatObjectPath(origin.objectPath),
  objectPath: origin.objectPath,
});

/** The records of `diagnostics`. */
export const diagnosticRecords = (diagnostics: readonly Diagnostic[]): DiagnosticRecord[] =>
  diagnostics.map((diagnostic) => ({
    ...place({ ...diagnostic.origin, ...(diagnostic.location ? { location: diagnostic.location } : {}) }),
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: messageOf(diagnostic),
    data: diagnostic.data,
    related: (diagnostic.related ?? []).map((origin) => place(origin)),
  }));

/** `diagnostics` as a JSON array of `DiagnosticRecord`s (2-space indented, no final newline). */
export const diagnosticsToJson = (diagnostics: readonly Diagnostic[]): string => JSON.stringify(diagnosticRecords(diagnostics), null, 2);
