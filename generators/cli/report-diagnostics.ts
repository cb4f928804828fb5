/**
 * Show diagnostics the way the user asked: compiler-style text on stderr with source excerpts,
 * or JSON on stdout for editors and CI. Source positions are resolved only here.
 */
import type { CommandIo } from "../command/command-context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { diagnosticsToJson } from "../diagnostics/json.ts";
import { locateDiagnostics, sortDiagnostics } from "../diagnostics/locate.ts";

export interface ReportOptions {
  readonly root: string;
  readonly json: boolean;
  /** Where the text (stderr) or the JSON (stdout) goes. */
  readonly io: Pick<CommandIo, "stdout" | "stderr">;
  /** Colour the text. */
  readonly color: boolean;
}

/** Print `diagnostics` (nothing when there are none, unless JSON was asked for). */
export const reportDiagnostics = async (diagnostics: readonly Diagnostic[], options: ReportOptions): Promise<void> => {
  if (diagnostics.length === 0 && !options.json) return;
  const located = diagnostics.length ? sortDiagnostics(await locateDiagnostics(diagnostics, options.root)) : [];
  if (options.json) options.io.stdout.write(`${diagnosticsToJson(located)}\n`);
  else options.io.stderr.write(formatDiagnostics(located, { color: options.color }));
};
