/**
 * Type-level tests of the diagnostic union, checked by `tsc --noEmit` (this folder is in
 * tsconfig's `include`): each `@ts-expect-error` must meet an error, every other line must compile.
 */
import type { DiagnosticFields } from "../../generators/diagnostics/codes.ts";
import { error, type Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import type { Renderers } from "../../generators/diagnostics/messages/renderer.ts";

const origin = { file: "hosts/nas/host.ts", objectPath: ["address"] };

// A code's data is checked against that code's fields.
error("unknown-key", origin, { key: "adress", valid: ["address"] });
// @ts-expect-error: unknown-key has no `got`
error("unknown-key", origin, { key: "adress", valid: ["address"], got: "x" });
// @ts-expect-error: not a code typeflake emits
error("no-such-code", origin, {});

// Narrowing on `code` narrows `data`.
export const suggestionOf = (diagnostic: Diagnostic): string | undefined =>
  diagnostic.code === "unknown-key" ? diagnostic.data.suggestion : undefined;

/** A code added to the fields without a renderer: the table no longer type-checks. */
interface WithNewCode extends DiagnosticFields {
  readonly "brand-new-code": { readonly what: string };
}
declare const known: Renderers<DiagnosticFields>;
// @ts-expect-error: "brand-new-code" has no renderer
export const incomplete: Renderers<WithNewCode> = { ...known };
