/** Fields of the diagnostics of finding and loading the fleet's files (`generators/load/`). */
import type { DefinitionKind } from "../../../dsl/definition.ts";

/** A place in a fleet file a stack frame points at. */
export interface ThrownAt {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Why a file could not be loaded. */
export type LoadFailure =
  /** esbuild could not follow an import; `text` is its message, with paths relative to the fleet. */
  | { readonly kind: "unresolved"; readonly text: string; readonly suggestion?: string }
  /** Node could not link or find an import; `message` is its message. */
  | { readonly kind: "link"; readonly message: string; readonly suggestion?: string }
  /** The file threw something that is not an Error, shown as `value`. */
  | { readonly kind: "thrown-value"; readonly value: string }
  /** The file threw `name: message`, at `thrownAt` when that is another fleet file. */
  | { readonly kind: "threw"; readonly name: string; readonly message: string; readonly thrownAt?: ThrownAt }
  /** Fleet code threw `message` where no file can be named: a promise it did not await, a timer or callback it left behind. */
  | { readonly kind: "uncaught"; readonly message: string }
  /** A top-level `await` in the file, or in one it imports, waits for a promise nothing is left to settle. */
  | { readonly kind: "unsettled" }
  /** JavaScript ran out of stack while loading the file. */
  | { readonly kind: "overflow"; readonly message: string; readonly thrownAt?: ThrownAt }
  /** Fleet code replaced built-ins (`names`: `Array.prototype.map`, …) and made them unchangeable, so they cannot be put back. */
  | { readonly kind: "built-ins"; readonly names: readonly string[] };

/** Code → fields. */
export interface LoadFields {
  /** The fleet root (absolute) has no typeflake.config.ts. */
  readonly "missing-config": { readonly root: string };
  /** A host folder without its host.ts. */
  readonly "missing-host-file": { readonly host: string };
  /** A per-host home written as a folder (`homes/alice@nas/home.ts`). */
  readonly "per-host-home-folder": { readonly name: string };
  /** A home defined twice; `firstFile` is the one kept. */
  readonly "duplicate-home": { readonly name: string; readonly firstFile: string };
  /** A definition file without a default export. */
  readonly "missing-default-export": { readonly kind: DefinitionKind };
  /** A default export made by another `define*` (`made`), or by none. */
  readonly "wrong-definition": { readonly kind: DefinitionKind; readonly made?: DefinitionKind };
  readonly "load-error": LoadFailure;
  /** esbuild's syntax error `text`; `file` when it is in a file outside the fleet. */
  readonly "syntax-error": { readonly text: string; readonly file?: string };
}
