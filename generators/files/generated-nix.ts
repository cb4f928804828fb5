/**
 * A Nix file an emitter produced, before it is printed and given its header.
 */
import type { NixValue } from "../../dsl/expressions.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { NixExpr } from "../nix/ast.ts";

export interface GeneratedNix {
  /** Output path relative to the fleet root, e.g. `hosts/nas/default.nix`. */
  readonly path: string;
  /** The TypeScript it was generated from, named in the header. */
  readonly source: string;
  /** Whole-line comments placed after the header (a module's description). */
  readonly comments: readonly string[];
  readonly expr: NixExpr;
  readonly diagnostics: readonly Diagnostic[];
  /** For NixOS module files: every option the file defines, merged into one value. */
  readonly options?: NixValue;
}
