/**
 * Import one definition file and check its default export came from the right `define*`
 * function: a host file must `export default defineHost({ … })`.
 */
import { definitionKind, type DefinitionKind } from "../../dsl/definition.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { NamedSource } from "../validate/sources.ts";
import type { FleetFile } from "./discover.ts";
import { importFailure } from "./import-error.ts";
import { importTypeScript } from "./typescript-import.ts";

const DEFINE: Readonly<Record<DefinitionKind, string>> = {
  fleet: "defineFleet",
  host: "defineHost",
  module: "defineModule",
  overlay: "defineOverlay",
  home: "defineHome",
};

/** The loaded definition, or why there is none. */
export type LoadedDefinition =
  | { readonly ok: true; readonly source: NamedSource }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const failed = (...diagnostics: Diagnostic[]): LoadedDefinition => ({ ok: false, diagnostics });

/** Import `file` (found under the absolute `root`) for load number `load`. */
export const loadDefinition = async (root: string, file: FleetFile, load: number): Promise<LoadedDefinition> => {
  const origin = { file: file.file, objectPath: [] };
  const expected = `${DEFINE[file.kind]}({ … })`;
  let exports: Record<string, unknown>;
  try {
    exports = await importTypeScript(file.path, load);
  } catch (thrown) {
    return failed(...importFailure({ root, file: file.file }, thrown));
  }
  if (!("default" in exports) || exports["default"] === undefined) {
    return failed(error("missing-default-export", origin, `has no default export; end it with export default ${expected}`));
  }
  const value = exports["default"];
  const kind = definitionKind(value);
  if (kind !== file.kind) {
    const made = kind === undefined ? "not made by a define* function" : `made by ${DEFINE[kind]}`;
    return failed(
      error("wrong-definition", origin, `the default export is ${made}; a ${file.kind === "fleet" ? "fleet configuration" : `${file.kind} file`} must export default ${expected}`),
    );
  }
  return { ok: true, source: { name: file.name, file: file.file, value } };
};
