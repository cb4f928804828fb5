/**
 * `let … in`, `with …;` and `if … then … else`.
 */
import type { NixIf, NixLet, NixWith } from "../ast.ts";
import { printBindingItem } from "./bindings.ts";
import { printExpr } from "./expr.ts";
import { group, hardline, indent, join, line, type Doc } from "./doc.ts";
import { printTermWide } from "./terms.ts";

/** `let` is always expanded: bindings indented, `in` on its own line, body at `let`'s level. */
export function printLet(e: NixLet): Doc {
  const bindings =
    e.bindings.length === 0
      ? ""
      : indent([hardline, join(hardline, e.bindings.map(printBindingItem))]);
  return ["let", bindings, hardline, "in", hardline, printExpr(e.body)];
}

/** `with scope; body`, the body on the next line when the enclosing group breaks. */
export function printWith(e: NixWith): Doc {
  return [withHead(e), line, printExpr(e.body)];
}

/** `with pkgs; [` / `with lib; {`: a set or list body opens on the `with` line. */
export function printWithAbsorbed(e: NixWith): Doc {
  return [withHead(e), " ", group(printTermWide(e.body))];
}

function withHead(e: NixWith): Doc {
  return group(["with ", indent(group(printExpr(e.scope))), ";"]);
}

/**
 * `if c then a else b` on one line when it fits; otherwise each branch indented under its
 * keyword, and `else if` chains flattened (an inner `if` always expanded, as in nixfmt).
 */
export function printIf(e: NixIf): Doc {
  return group(ifChain(e, line));
}

function ifChain(e: NixIf, separator: Doc): Doc[] {
  const head = group(["if", indent([line, printExpr(e.cond)]), line, "then"]);
  const otherwise =
    e.else.kind === "if"
      ? [" ", ...ifChain(e.else, hardline)]
      : [indent([line, group(printExpr(e.else))])];
  return [head, indent([separator, group(printExpr(e.then))]), separator, "else", ...otherwise];
}
