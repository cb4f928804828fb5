/**
 * Diagnostics as the bad-input tables compare them: where (`file:line:col`, `-` for an unknown
 * position), the code, the object path as printed and the message.
 */
import { formatObjectPath, type Diagnostic } from "../../../generators/diagnostics/diagnostic.ts";
import { messageOf } from "../../../generators/diagnostics/messages/index.ts";

/** One diagnostic, flattened for `expect`. */
export interface DiagnosticSummary {
  readonly at: string;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** `diagnostics` flattened, in their order. */
export const summarize = (diagnostics: readonly Diagnostic[]): DiagnosticSummary[] =>
  diagnostics.map((d) => ({
    at: `${d.origin.file}:${d.location?.line ?? "-"}:${d.location?.column ?? "-"}`,
    code: d.code,
    path: formatObjectPath(d.origin.objectPath),
    message: messageOf(d),
  }));
