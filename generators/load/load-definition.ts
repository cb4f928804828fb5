/**
 * Check one loaded definition file: its default export came from the right `define*`
 * function: a host file must `export default defineHost({ … })`.
 */
import { definitionKind, type DefinitionKind } from "../../dsl/definition.ts";
import { proseError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { NamedSource } from "../validate/sources.ts";
import type { FleetFile } from "./discover.ts";
import type { LoadedModule } from "./fleet-bundle.ts";
import { buildFailure, importFailure } from "./import-error.ts";

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

/** `file` (found under the absolute `root`) as loaded: a definition of the right kind, or why not. */
export const loadDefinition = (root: string, file: FleetFile, loaded: LoadedModule): LoadedDefinition => {
  const origin = { file: file.file, objectPath: [] };
  const expected = `${DEFINE[file.kind]}({ … })`;
  if (!loaded.ok) {
    const target = { root, file: file.file };
    return failed(...(loaded.kind === "build" ? buildFailure(target, loaded.messages) : importFailure(target, loaded.thrown)));
  }
  const { exports } = loaded;
  if (!("default" in exports) || exports["default"] === undefined) {
    return failed(proseError("missing-default-export", origin, `has no default export; end it with export default ${expected}`));
  }
  const value = exports["default"];
  const kind = definitionKind(value);
  if (kind !== file.kind) {
    const made = kind === undefined ? "not made by a define* function" : `made by ${DEFINE[kind]}`;
    return failed(
      proseError("wrong-definition", origin, `the default export is ${made}; a ${file.kind === "fleet" ? "fleet configuration" : `${file.kind} file`} must export default ${expected}`),
    );
  }
  return { ok: true, source: { name: file.name, file: file.file, value } };
};
