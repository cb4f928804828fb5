/**
 * Functions: `x: body`, `final: prev: {`, and set patterns `{ config, pkgs, ... }:`.
 */
import type { NixLambda, NixParam } from "../ast.ts";
import { identifierText } from "../escape.ts";
import { isAbsorbableExpr, isAbsorbableTerm } from "./classify.ts";
import { group, hardline, ifBreak, indent, join, line, type Doc } from "./doc.ts";
import type { Printer } from "./printer.ts";

/**
 * A lambda. Plain parameters chain on one line (`a: b: c:`); an absorbable body opens on that
 * line (`final: prev: {`), any other body follows on the same or, with three or more
 * parameters, the next line. A set pattern's body goes on the next line when the enclosing
 * group breaks (the module header style).
 */
export function printLambda(p: Printer, e: NixLambda): Doc {
  if (e.param.kind === "set") {
    const head = [printSetPattern(p, e.param), ":", line];
    return isAbsorbableTerm(e.body)
      ? [...head, group(p.termWide(e.body))]
      : [...head, p.expr(e.body)];
  }
  const names = [e.param.name];
  let body = e.body;
  while (body.kind === "lambda" && body.param.kind === "ident") {
    names.push(body.param.name);
    body = body.body;
  }
  const params = names.map((name) => `${identifierText(name)}:`).join(" ");
  if (isAbsorbableExpr(body)) return group([params, " ", group(p.absorbExpr(body, false))]);
  return group([params, names.length <= 2 ? line : hardline, p.expr(body)]);
}

/**
 * `{ a, b ? d, ... }` or `name@{ … }`. Up to two plain names (plus `...`) may share a line;
 * more names, or any default, put one per line with a trailing comma.
 */
function printSetPattern(p: Printer, pattern: Extract<NixParam, { kind: "set" }>): Doc {
  const entries: Doc[] = pattern.formals.map((formal, i) => {
    const name = identifierText(formal.name);
    const entry =
      formal.default === undefined ? name : group([name, " ?", p.rhs(formal.default)]);
    const last = i === pattern.formals.length - 1 && !pattern.ellipsis;
    return [entry, last ? ifBreak(",", "") : ","];
  });
  if (pattern.ellipsis) entries.push("...");
  const compact =
    pattern.formals.length <= 2 && pattern.formals.every((formal) => formal.default === undefined);
  const separator = compact ? line : hardline;
  const braces =
    entries.length === 0
      ? "{ }"
      : group(["{", indent([separator, join(separator, entries)]), separator, "}"]);
  return pattern.bind === undefined ? braces : [identifierText(pattern.bind), "@", braces];
}
