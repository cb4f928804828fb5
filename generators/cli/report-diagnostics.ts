/**
 * Show diagnostics the way the user asked: compiler-style text on stderr with source excerpts,
 * or JSON on stdout for editors and CI. Source positions are resolved only here.
 */
import type { CommandIo } from "../command/command-context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { diagnosticRecords } from "../diagnostics/json.ts";
import type { EmitProblem } from "../emit/problems.ts";
import { refusalRecord } from "../emit/refusal-record.ts";
import { locateDiagnostics, sortDiagnostics } from "../diagnostics/locate.ts";

export interface ReportOptions {
  readonly root: string;
  readonly json: boolean;
  /** Where the text (stderr) or the JSON (stdout) goes. */
  readonly io: Pick<CommandIo, "stdout" | "stderr">;
  /** Colour the text. */
  readonly color: boolean;
  /** Why the files were not written or compared: in the JSON only (the write or check report shows them as text). */
  readonly refusals?: readonly EmitProblem[];
}

/** Print `diagnostics` (nothing when there are none, unless JSON was asked for). */
export const reportDiagnostics = async (diagnostics: readonly Diagnostic[], options: ReportOptions): Promise<void> => {
  if (diagnostics.length === 0 && !options.json) return;
  const located = diagnostics.length ? sortDiagnostics(await locateDiagnostics(diagnostics, options.root)) : [];
  if (options.json) options.io.stdout.write(`${JSON.stringify([...diagnosticRecords(located), ...(options.refusals ?? []).map(refusalRecord)], null, 2)}\n`);
  else options.io.stderr.write(formatDiagnostics(located, { color: options.color }));
};
