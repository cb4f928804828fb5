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
  /**
   * An import whose name the file computed as it ran (`import(name)`, `require(name)`) found
   * nothing: Node resolved it against typeflake's compiled bundle, where it looked for `looked`
   * (a path as in the fleet).
   */
  | { readonly kind: "computed-import"; readonly looked: string }
  /** The file threw something that is not an Error, shown as `value`. */
  | { readonly kind: "thrown-value"; readonly value: string }
  /** The file threw `name: message`, at `thrownAt` when that is another fleet file. */
  | {
      readonly kind: "threw";
      readonly name: string;
      /** Its message, `""` when it has none. */
      readonly message: string;
      readonly thrownAt?: ThrownAt;
      /** What it gives as its reason: its `cause` chain and an AggregateError's `errors`, as text. Default: none. */
      readonly causes?: readonly string[];
    }
  /** Fleet code threw `message` where no file can be named: a promise it did not await, a timer or callback it left behind. */
  | { readonly kind: "uncaught"; readonly message: string }
  /** A top-level `await` in the file, or in one it imports, waits for a promise nothing is left to settle. */
  | { readonly kind: "unsettled" }
  /** JavaScript ran out of stack while loading the file. */
  | { readonly kind: "overflow"; readonly message: string; readonly thrownAt?: ThrownAt }
  /** Fleet code replaced built-ins (`names`: `Array.prototype.map`, …) and made them unchangeable, so they cannot be put back. */
  | { readonly kind: "built-ins"; readonly names: readonly string[] };

/**
 * What stands at a path where typeflake reads a fleet file or lists a fleet folder, when it cannot
 * (see `load/path-problem.ts`).
 */
export type PathProblem =
  /** A folder where a file should be (`hosts/nas/host.ts/`). */
  | { readonly kind: "folder" }
  /** A file where a folder should be (`hosts` written as a file). */
  | { readonly kind: "file" }
  /** Neither file nor folder: `what` is "a named pipe (FIFO)", "a socket" or "a device". */
  | { readonly kind: "special"; readonly what: string }
  /** A symbolic link to `target` (as the link holds it), where nothing is. */
  | { readonly kind: "dangling-link"; readonly target: string }
  /** A symbolic link that leads, through others perhaps, back to itself. */
  | { readonly kind: "link-loop" }
  /** There but not readable by this process: `code` is the system's (`EACCES`, `EPERM`, `EIO`). */
  | { readonly kind: "unreadable"; readonly code: string };

/** Code → fields. */
export interface LoadFields {
  /** The fleet root (absolute) has no typeflake.config.ts. */
  readonly "missing-config": { readonly root: string };
  /**
   * A fleet file or folder typeflake cannot read: `expected` is what it looks for there, `problem`
   * what it found instead. The file is not loaded; its name still counts (no "does not exist" elsewhere).
   */
  readonly "unreadable-path": { readonly expected: "file" | "folder"; readonly problem: PathProblem };
  /** A fleet file whose path differs from `twin`'s (the one loaded) only in letter case. */
  readonly "case-twin": { readonly twin: string };
  /** A host folder without its host.ts. */
  readonly "missing-host-file": { readonly host: string };
  /**
   * A file that calls `define<Kind>` where typeflake loads no definitions from (`hosts/web.ts`,
   * `modules/web/nginx.ts`, `modules/web.mts`) and that no fleet file imports: it is left out of
   * the flake. `defines` is what it defines, `suggested` where that kind of file is loaded from.
   */
  readonly "misplaced-definition": { readonly defines: "host" | "module" | "overlay" | "home"; readonly suggested: string };
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
