/**
 * Check one loaded definition file: its default export came from the right `define*`
 * function: a host file must `export default defineHost({ … })`.
 */
import { definedValue, definitionKind } from "../../dsl/definition.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { NamedSource } from "../validate/sources.ts";
import type { FleetFile } from "./discover.ts";
import type { LoadedModule } from "./fleet-bundle.ts";
import { thrownText } from "../diagnostics/thrown-text.ts";
import { buildFailure, importFailure } from "./import-error.ts";
import { readRegularFile } from "../read-regular-file.ts";

/** The loaded definition, or why there is none. */
export type LoadedDefinition =
  | { readonly ok: true; readonly source: NamedSource }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const failed = (...diagnostics: Diagnostic[]): LoadedDefinition => ({ ok: false, diagnostics });

/** Comments and white space: all an empty file (a host.ts just made, a TODO) holds. */
const NOTHING = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/;

/**
 * Whether the file at `path` holds no code, its exports being what esbuild makes of such a file (a
 * CommonJS module: `default` an empty object). Its default export is then `{}`, which says
 * nothing of what is missing; read again only in that case, on the way to an error.
 */
const isEmptyFile = (path: string, exports: Record<string, unknown>): boolean => {
  const exported = exports["default"];
  if (Object.keys(exports).some((name) => name !== "default" && name !== "module.exports")) return false;
  if (typeof exported !== "object" || exported === null) return false;
  try {
    if (Object.getPrototypeOf(exported) !== Object.prototype || Reflect.ownKeys(exported).length > 0) return false;
  } catch {
    // A Proxy that throws when looked at (revoked) is no empty file's; reported below as what it is.
    return false;
  }
  const text = readRegularFile(path)?.bytes.toString("utf8");
  return text !== undefined && NOTHING.test(text);
};

/** `file` (found under the absolute `root`) as loaded: a definition of the right kind, or why not. */
export const loadDefinition = (root: string, file: FleetFile, loaded: LoadedModule): LoadedDefinition => {
  const origin = { file: file.file, objectPath: [] };
  if (!loaded.ok) {
    const target = { root, file: file.file };
    if (loaded.kind === "unsettled") return failed(error("load-error", origin, { kind: "unsettled" }));
    if (loaded.kind === "computed-import") return failed(error("load-error", origin, { kind: "computed-import", looked: loaded.looked }));
    if (loaded.kind === "build") return failed(...buildFailure(target, loaded.messages));
    try {
      return failed(...importFailure(target, loaded.thrown));
    } catch {
      // What was thrown throws when it is read (a Proxy, a getter): all there is to say is that.
      return failed(error("load-error", origin, { kind: "thrown-value", value: thrownText(loaded.thrown) }));
    }
  }
  const { exports } = loaded;
  if (!("default" in exports) || exports["default"] === undefined || isEmptyFile(file.path, exports)) {
    return failed(error("missing-default-export", origin, { kind: file.kind }));
  }
  const exported = exports["default"];
  let kind: ReturnType<typeof definitionKind>;
  let value: unknown;
  try {
    kind = definitionKind(exported);
    value = definedValue(exported);
  } catch (thrown) {
    return failed(error("unreadable-value", origin, { reason: thrownText(thrown) }));
  }
  if (kind !== file.kind) {
    return failed(error("wrong-definition", origin, kind === undefined ? { kind: file.kind } : { kind: file.kind, made: kind }));
  }
  return { ok: true, source: { name: file.name, file: file.file, value } };
};
