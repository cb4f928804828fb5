/**
 * Terms: attribute sets, lists, selections, attribute names, parentheses, and the "absorbed"
 * forms nixfmt gives a term that starts at the end of the previous line.
 */
import type { NixAttrName, NixAttrs, NixExpr, NixList, NixSelect } from "../ast.ts";
import { attrNameText, identifierText, NixPrintError } from "../escape.ts";
import { isAbsorbableExpr, isAbsorbableTerm, needsParensAsTerm } from "./classify.ts";
import { withComments } from "./comments.ts";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from "./doc.ts";
import { PARENTHESIZED, type Printer } from "./printer.ts";
import { isAtomicRaw, isSelectionRaw, printRaw } from "./raw.ts";

/**
 * `{ … }`. Not grouped: its lines belong to the enclosing group, as in nixfmt. Two or more
 * bindings are separated by hard lines, so the set is always expanded; `wide` (a set absorbed
 * after `=`) expands even a single binding.
 */
export function printAttrs(p: Printer, e: NixAttrs, wide: boolean): Doc {
  const open = e.rec ? "rec {" : "{";
  if (e.bindings.length === 0) return `${open} }`;
  const edge = wide ? hardline : line;
  return [open, indent([edge, join(hardline, e.bindings.map(p.bindingItem))]), edge, "}"];
}

/**
 * `[ … ]`, not grouped (callers group it). Items are separated by hard lines, so two or more are
 * always one per line; short argument lists pass `line` to allow `[ "a" "b" ]`.
 */
export function printList(p: Printer, e: NixList, separator: Doc = hardline): Doc {
  if (e.items.length === 0) return "[ ]";
  const items = e.items.map((item) => withComments(item.comments, group(printTerm(p, item.value))));
  return ["[", indent([line, join(separator, items)]), line, "]"];
}

/** An expression where Nix expects a term (argument, list item, `or` default): parenthesized if needed. */
export function printTerm(p: Printer, e: NixExpr): Doc {
  return needsParensAsTerm(e) ? printParens(p, e) : p.expr(e);
}

/** `( … )` */
export function printParens(p: Printer, e: NixExpr): Doc {
  return group(["(", parenBody(p, e), ")"]);
}

/**
 * What goes between `(` and `)` (or `${` and `}` when an interpolation is alone on its line):
 * absorbable and call forms start right after the opening, anything else moves to its own
 * indented line when it does not fit.
 */
export function parenBody(p: Printer, e: NixExpr): Doc {
  if (isAbsorbableExpr(e)) return group(absorbExpr(p, e, false));
  if (e.kind === "apply") return p.apply(e, PARENTHESIZED);
  if (e.kind === "select" || (e.kind === "raw" && isSelectionRaw(e.text)))
    return [e.kind === "select" && isAbsorbableTerm(e.expr) ? softline : "", group(p.expr(e)), softline];
  return [indent([softline, group(p.expr(e))]), softline];
}

/** An absorbable term as it prints after `=`, `(`, an argument position, etc. (sets not forced open). */
export function printTermBare(p: Printer, e: NixExpr): Doc {
  if (e.kind === "attrs") return printAttrs(p, e, false);
  if (e.kind === "list") return printList(p, e);
  return p.expr(e);
}

/** An absorbable term in nixfmt's "wide" form: a set always expanded. */
export function printTermWide(p: Printer, e: NixExpr): Doc {
  return e.kind === "attrs" ? printAttrs(p, e, true) : printTermBare(p, e);
}

/** An absorbable expression (see `isAbsorbableExpr`) starting at the end of the current line. */
export function absorbExpr(p: Printer, e: NixExpr, wide: boolean): Doc {
  if (e.kind === "with") return p.withAbsorbed(e);
  if (e.kind === "lambda") return p.lambda(e);
  return wide ? printTermWide(p, e) : printTermBare(p, e);
}

/**
 * `base.a."b c".${d} or default`. A set or list base puts the selectors on the next line when
 * it is expanded, as nixfmt does (`}` newline `.${system}`). With `nested` (an operand after a
 * chain's operator, which nixfmt nests) selectors that move to the next line are one level
 * deeper when the base, a list, string or parenthesized term, stayed on the operator's line: nixfmt
 * lays such a base out as a group that fits, whose text does not open the deeper indentation
 * level, so the selectors' line does; a set, or a base that broke, prints text by text and opens
 * it on its own line.
 */
export function printSelect(p: Printer, e: NixSelect, nested = false): Doc {
  let base = e.expr;
  const path = [...e.path];
  while (base.kind === "select" && base.orDefault === undefined) {
    path.unshift(...base.path);
    base = base.expr;
  }
  if (path.length === 0) {
    throw new NixPrintError(
      "a selection with an empty attribute path",
      "`x.` needs at least one attribute name",
      "Give the selection at least one name.",
    );
  }
  const [baseDoc, separator, grouped] = selectBase(p, base);
  const selectors = printAttrPath(p, path);
  const orDefault = e.orDefault === undefined ? "" : printOrDefault(p, e.orDefault);
  if (nested && separator !== "" && grouped) return selectorsUnderOperator(baseDoc, [separator, ".", selectors, orDefault]);
  if (typeof baseDoc === "string" && separator === "" && typeof selectors === "string" && orDefault === "") return `${baseDoc}.${selectors}`;
  return [baseDoc, separator, ".", selectors, orDefault];
}

/**
 * ` or default`. nixfmt nests it (`softline <> nest (…)`), and a nest indents only lines that
 * start inside it: the default's own lines (a `''` string, a set) are one level deeper only when
 * `or` moved to a line of its own.
 */
function printOrDefault(p: Printer, orDefault: NixExpr): Doc {
  const id = Symbol("or");
  return [group(indent(line), { id, softLine: true }), indentIfBreak(["or ", printTerm(p, orDefault)], { groupId: id })];
}

/**
 * `base` then `rest` (the selectors and any `or default`), one level deeper when `base` stays on
 * one line (see {@link printSelect}).
 */
function selectorsUnderOperator(base: Doc, rest: Doc): Doc {
  const id = Symbol("select-base");
  return [group(base, { id }), ifBreak(rest, indent(rest), { groupId: id })];
}

/**
 * How a selection's base prints: its text, what may break before the first `.` (nothing after a
 * name), and whether nixfmt lays the base out as a group (all but a set, see {@link printSelect}).
 */
function selectBase(p: Printer, base: NixExpr): [Doc, Doc, boolean] {
  switch (base.kind) {
    case "ident":
      return [identifierText(base.name), "", true];
    case "attrs":
      return [p.expr(base), softline, false];
    case "list":
    case "string":
      return [p.expr(base), softline, true];
    case "raw": {
      // A number before `.` would read as a float (`1.x`), so only names and brackets go bare;
      // bracketed text breaks before `.` as the term it is (nixfmt parses it).
      const text = base.text.trim();
      if (!isAtomicRaw(text) || /^[0-9]/.test(text)) return [printParens(p, base), group(softline), true];
      if (text.startsWith("(")) return [printRaw(base.text), group(softline), true];
      if (text.startsWith("[") || text.startsWith("{")) return [printRaw(base.text), softline, text.startsWith("[")];
      return [printRaw(base.text), "", true];
    }
    default:
      return [printParens(p, base), group(softline), true];
  }
}

/** `a.b."c d".${e}`: the names of a binding, or those after the `.` of a selection. */
export function printAttrPath(p: Printer, path: readonly NixAttrName[]): Doc {
  if (path.length === 0) {
    throw new NixPrintError(
      "a binding with an empty attribute path",
      "`= value;` needs a name on the left",
      "Give the binding at least one attribute name.",
    );
  }
  const names = path.map((name) => attrNameDoc(p, name));
  // Static names make one string: fewer document nodes to lay out.
  return names.every((name) => typeof name === "string") ? names.join(".") : join(".", names);
}

/**
 * One attribute name: a static name bare or quoted, a string with interpolations as `"…"`, any
 * other expression as `${…}`.
 */
function attrNameDoc(p: Printer, name: NixAttrName): Doc {
  if (typeof name === "string") return attrNameText(name);
  if (name.kind === "string") {
    const literal = name.parts.every((part) => typeof part === "string");
    return literal ? attrNameText(name.parts.join("")) : p.string(name, true);
  }
  return p.interpolation(name);
}
