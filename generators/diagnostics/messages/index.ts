/**
 * The words of every diagnostic: one renderer per code, chosen here, after the checks, from the
 * diagnostic's typed data. A code without a renderer is a type error (the table is
 * `Renderers<DiagnosticFields>`), so no diagnostic can reach a user without words.
 */
import type { DiagnosticFields } from "../codes.ts";
import type { Diagnostic, DiagnosticCode } from "../diagnostic.ts";
import { assertionMessages } from "./assertions.ts";
import { crossHostMessages } from "./cross-host.ts";
import { loadMessages } from "./load.ts";
import { lowerMessages } from "./lower.ts";
import { optionMessages } from "./options.ts";
import { referenceMessages } from "./references.ts";
import type { Renderers } from "./renderer.ts";
import { schemaMessages } from "./schema.ts";
import { validateMessages } from "./validate.ts";

const MESSAGES: Renderers<DiagnosticFields> = {
  ...schemaMessages,
  ...optionMessages,
  ...assertionMessages,
  ...referenceMessages,
  ...crossHostMessages,
  ...loadMessages,
  ...lowerMessages,
  ...validateMessages,
};

const render = <C extends DiagnosticCode>(code: C, data: DiagnosticFields[C]): string => MESSAGES[code](data);

/** What is wrong and what would be valid; does not repeat the file or object path. */
export const messageOf = (diagnostic: Diagnostic): string => render(diagnostic.code, diagnostic.data);
