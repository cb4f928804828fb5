/**
 * A NixOS module file's shape: `{ config, lib, pkgs, ... }: { imports = [ … ]; … }`, with
 * exactly the arguments its body uses, in the order nixpkgs modules list them.
 */
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import { assign, attrs, lambda, list, path, setPattern } from "../nix/build.ts";
import type { DefinitionTree } from "../lower/definition-tree.ts";
import type { ModuleArgument, ValueLowerer } from "../lower/value.ts";

const ARGUMENT_ORDER: readonly ModuleArgument[] = ["config", "lib", "pkgs", "unstable"];

/** `{ … }: { imports = [ … ]; <tree> }` — lower the tree first so the header knows its arguments. */
export const moduleFunction = (tree: DefinitionTree, imports: readonly string[], values: ValueLowerer): NixExpr => {
  const body: NixBinding[] = [
    ...(imports.length ? [assign("imports", list(imports.map((file) => path(file))))] : []),
    ...tree.toBindings(values.lower),
  ];
  const formals = ARGUMENT_ORDER.filter((argument) => values.used.has(argument));
  return lambda(setPattern(formals, { ellipsis: true }), attrs(body));
};
