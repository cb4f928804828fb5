/**
 * `let … in`, `with …;` and `if … then … else`.
 */
import type { NixIf, NixLet, NixWith } from "../ast.ts";
import { group, hardline, indent, join, line, type Doc } from "./doc.ts";
import type { Printer } from "./printer.ts";

/** `let` is always expanded: bindings indented, `in` on its own line, body at `let`'s level. */
export function printLet(p: Printer, e: NixLet): Doc {
  const bindings =
    e.bindings.length === 0
      ? ""
      : indent([hardline, join(hardline, e.bindings.map(p.bindingItem))]);
  return ["let", bindings, hardline, "in", hardline, p.expr(e.body)];
}

/** `with scope; body`, the body on the next line when the enclosing group breaks. */
export function printWith(p: Printer, e: NixWith): Doc {
  return [withHead(p, e), line, p.expr(e.body)];
}

/** `with pkgs; [` / `with lib; {`: a set or list body opens on the `with` line. */
export function printWithAbsorbed(p: Printer, e: NixWith): Doc {
  return [withHead(p, e), " ", group(p.termWide(e.body))];
}

function withHead(p: Printer, e: NixWith): Doc {
  return group(["with ", indent(group(p.expr(e.scope))), ";"]);
}

/**
 * `if c then a else b` on one line when it fits; otherwise each branch indented under its
 * keyword, and `else if` chains flattened (an inner `if` always expanded, as in nixfmt).
 */
export function printIf(p: Printer, e: NixIf): Doc {
  return group(ifChain(p, e, line));
}

function ifChain(p: Printer, e: NixIf, separator: Doc): Doc[] {
  const head = group(["if", indent([line, p.expr(e.cond)]), line, "then"]);
  const otherwise =
    e.else.kind === "if"
      ? [" ", ...ifChain(p, e.else, hardline)]
      : [indent([line, group(p.expr(e.else))])];
  return [head, indent([separator, group(p.expr(e.then))]), separator, "else", ...otherwise];
}
