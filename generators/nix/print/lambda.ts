/**
 * Functions: `x: body`, `final: prev: {`, and set patterns `{ config, pkgs, ... }:`.
 */
import type { NixLambda, NixParam } from "../ast.ts";
import { identifierText } from "../escape.ts";
import { printRhs } from "./bindings.ts";
import { isAbsorbableExpr, isAbsorbableTerm } from "./classify.ts";
import { printExpr } from "./expr.ts";
import { group, hardline, ifBreak, indent, join, line, type Doc } from "./doc.ts";
import { absorbExpr, printTermWide } from "./terms.ts";

/**
 * A lambda. Plain parameters chain on one line (`a: b: c:`); an absorbable body opens on that
 * line (`final: prev: {`), any other body follows on the same or, with three or more
 * parameters, the next line. A set pattern's body goes on the next line when the enclosing
 * group breaks (the module header style).
 */
export function printLambda(e: NixLambda): Doc {
  if (e.param.kind === "set") {
    const head = [printSetPattern(e.param), ":", line];
    return isAbsorbableTerm(e.body)
      ? [...head, group(printTermWide(e.body))]
      : [...head, printExpr(e.body)];
  }
  const names = [e.param.name];
  let body = e.body;
  while (body.kind === "lambda" && body.param.kind === "ident") {
    names.push(body.param.name);
    body = body.body;
  }
  const params = names.map((name) => `${identifierText(name)}:`).join(" ");
  if (isAbsorbableExpr(body)) return group([params, " ", group(absorbExpr(body, false))]);
  return group([params, names.length <= 2 ? line : hardline, printExpr(body)]);
}

/**
 * `{ a, b ? d, ... }` or `name@{ … }`. Up to two plain names (plus `...`) may share a line;
 * more names, or any default, put one per line with a trailing comma.
 */
function printSetPattern(p: Extract<NixParam, { kind: "set" }>): Doc {
  const entries: Doc[] = p.formals.map((formal, i) => {
    const name = identifierText(formal.name);
    const entry =
      formal.default === undefined ? name : group([name, " ?", printRhs(formal.default)]);
    const last = i === p.formals.length - 1 && !p.ellipsis;
    return [entry, last ? ifBreak(",", "") : ","];
  });
  if (p.ellipsis) entries.push("...");
  const compact =
    p.formals.length <= 2 && p.formals.every((formal) => formal.default === undefined);
  const separator = compact ? line : hardline;
  const pattern =
    entries.length === 0
      ? "{ }"
      : group(["{", indent([separator, join(separator, entries)]), separator, "}"]);
  return p.bind === undefined ? pattern : [identifierText(p.bind), "@", pattern];
}
