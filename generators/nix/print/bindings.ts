/**
 * Bindings: `path = value;` with nixfmt's right-hand-side rules (`absorbRHS`), and `inherit`.
 */
import type { NixAssign, NixAttrName, NixBinary, NixBinding, NixExpr, NixInherit } from "../ast.ts";
import { attrNameText, isBareName } from "../escape.ts";
import { flattenChain, isAbsorbableExpr, isAbsorbableTerm, Prec, precedence } from "./classify.ts";
import { withComments } from "./comments.ts";
import { group, hardline, indent, join, line, softline, type Doc } from "./doc.ts";
import { absorbLast, priorityGroup } from "./layout.ts";
import { BINDING, PLAIN, type Printer } from "./printer.ts";
import { isAbsorbableRaw } from "./raw.ts";

/** A binding as an item of a set or `let`, with its comments above it. */
export function printBindingItem(p: Printer, b: NixBinding): Doc {
  const binding = b.kind === "assign" ? printAssign(p, b) : printInherit(p, b);
  return withComments(b.comments, group(binding));
}

/** nixfmt's "simple" left-hand side: at most four names, each printed as a bare identifier. */
const SIMPLE_LHS_LENGTH = 4;

function isSimpleAttrPath(path: readonly NixAttrName[]): boolean {
  return path.length <= SIMPLE_LHS_LENGTH && path.every((name) => isBareName(staticNameText(name) ?? ""));
}

/** The text of a name without interpolations (a string node of literal parts prints as one). */
function staticNameText(name: NixAttrName): string | undefined {
  if (typeof name === "string") return name;
  if (name.kind !== "string" || !name.parts.every((part) => typeof part === "string")) return undefined;
  return name.parts.join("");
}

/**
 * `path = value;`. nixfmt (`Pretty.hs`, `Assignment`) keeps the value on the `=` line only after
 * a simple left-hand side; after a longer one or one with a quoted or dynamic name it puts a
 * `line'` before the value's priority group: everything on one line if it fits, else the value
 * laid out after `=` when `path =` fits on one line (with the value's first line, if it opens
 * there: `"a b" = {`) and the `;` fits after the value's last line, else the value on the next
 * line, laid out there afresh (a call that broke after `=` may fit whole on its own line). A
 * name that spans lines (an interpolation that breaks, a `''` string) never fits on one line.
 */
function printAssign(p: Printer, b: NixAssign): Doc {
  const lhs = p.attrPath(b.path);
  const rhs = printRhs(p, b.value);
  if (isSimpleAttrPath(b.path)) return [lhs, " =", rhs, ";"];
  // nixfmt nests every value after `=` but a chain that starts with a set, list or `''` string
  // (`absorbRHS`, its first case): moved to the next line, such a chain stays at the name's indentation.
  const own = valueOnOwnLine(p, b.value, rhs);
  const onNextLine = chainStartsAbsorbed(b.value) ? [line, own] : indent([line, own]);
  const before = [lhs, " ="];
  return priorityGroup([before, onNextLine, ";"], [{ before, part: rhs, after: ";", endChecked: true }]);
}

/**
 * The value of a binding moved to the line after `path =`, `rhs` being how it follows `=`: nixfmt
 * lays the value's priority group out there as at the start of any line, without the space or
 * line break that led it, and the call or chain it holds without the indentation that line
 * break brought.
 */
function valueOnOwnLine(p: Printer, value: NixExpr, rhs: Doc): Doc {
  // Already on a line of its own, a `with` or lambda has no line break left to take before it.
  if ((value.kind === "with" || value.kind === "lambda") && isAbsorbableExpr(value)) return group(p.absorbExpr(value, true));
  if (Array.isArray(rhs) && rhs[0] === " ") return rhs.slice(1);
  if (value.kind === "apply") return p.apply(value, PLAIN);
  if (value.kind === "binary") {
    const chain = printChainRhs(p, value, false);
    if (chain !== undefined) return chain;
  }
  return group(p.expr(value));
}

/**
 * What follows `=` (or `?` in a function argument default), after nixfmt's `absorbRHS`:
 * absorbable values start on the same line (`a = {`, `a = [`, `a = ''`, `a = with x; [`,
 * `a = x: {`, and raw Nix that opens a bracket), calls absorb their last argument
 * (`a = f x {`), strings and paths stay on the line, and anything else moves to the next,
 * indented line when it does not fit.
 */
export function printRhs(p: Printer, value: NixExpr): Doc {
  if (value.kind === "attrs" && isSingleInherit(value.bindings)) {
    return [" ", group(p.attrs(value, false))];
  }
  if (isAbsorbableExpr(value)) return [" ", opensAfterEquals(p.absorbExpr(value, true), value.kind === "with" || value.kind === "lambda")];
  switch (value.kind) {
    case "string":
    case "path":
      return [" ", p.expr(value)];
    case "raw":
      if (isAbsorbableRaw(value.text)) return [" ", p.expr(value)];
      break;
    case "apply":
      return p.apply(value, BINDING);
    case "with":
      return group(indent([line, p.expr(value)]));
    case "binary": {
      const chain = printChainRhs(p, value, true);
      if (chain !== undefined) return chain;
      break;
    }
    default:
      break;
  }
  if (precedence(value) === Prec.Term) return group(indent([line, p.expr(value)]));
  return indent([line, group(p.expr(value))]);
}

/**
 * An absorbable value after `= `. A `with` or a lambda (nixfmt's `prettyWith True`, and a
 * lambda's `line'`) starts with a line break of its own: it moves to the next line when its first
 * line (`with pkgs; [`, `x: {`) does not fit after `=`.
 */
function opensAfterEquals(absorbed: Doc, movable: boolean): Doc {
  if (!movable) return group(absorbed);
  return priorityGroup(indent([softline, group(absorbed)]), [{ before: "", part: absorbed, after: "", endChecked: false }]);
}

/** nixfmt keeps `a = { inherit b; };` on one line when it fits: the only unforced set. */
function isSingleInherit(bindings: readonly NixBinding[]): boolean {
  const [only] = bindings;
  return bindings.length === 1 && only?.kind === "inherit" && !only.comments?.length;
}

/** The operators whose chains nixfmt lays out apart after `=` (`isUpdateConcatPlus`). */
const CHAINS_AFTER_EQUALS: ReadonlySet<NixBinary["op"]> = new Set(["//", "++", "+"]);

/** A chain of `//`, `++` or `+` that starts with a set, list or `''` string (see {@link printChainRhs}). */
function chainStartsAbsorbed(value: NixExpr): boolean {
  return value.kind === "binary" && CHAINS_AFTER_EQUALS.has(value.op) && isAbsorbableTerm(flattenChain(value)[0]!);
}

/**
 * `//`, `++` and `+` after `=`: a chain starting with a set or list keeps it on the `=` line and
 * continues at the binding's indentation (`a = [` … `] ++ b;`); a chain ending in one keeps
 * `a = b // {` together (a chain of two) and expands only the last term. Without `lead` the
 * chain starts its own line (see {@link valueOnOwnLine}).
 */
function printChainRhs(p: Printer, value: NixBinary, lead: boolean): Doc | undefined {
  if (!CHAINS_AFTER_EQUALS.has(value.op)) return undefined;
  const operands = flattenChain(value);
  const first = operands[0]!;
  const last = operands.at(-1)!;
  // nixfmt sees every chain nested to the right: `//` and `++` parse so, and its parser turns
  // `+` around too (Parser.hs, `opCombiner`, "HACK": `(a + b) + c` becomes `a + (b + c)`). So
  // the first operand stands alone at the top, the last only in a chain of two.
  if (isAbsorbableTerm(first)) {
    return [" ", p.opChain(value, true)];
  }
  if (isAbsorbableTerm(last) && operands.length === 2) {
    const left = p.operand(value.left, value.op, "left");
    const head = [left, line, value.op, " "];
    return lead ? absorbLast(indent([line, ...head]), group(p.termWide(last)), 1) : absorbLast(head, group(p.termWide(last)), 0);
  }
  return undefined;
}

/**
 * `inherit a b;` or `inherit (from) a b;`. Up to three names may share a line; four or more are
 * always one per line, with `;` on its own line (nixfmt).
 */
function printInherit(p: Printer, b: NixInherit): Doc {
  const many = b.names.length >= 4;
  const separator = many ? hardline : line;
  const from = b.from === undefined ? "" : group([line, p.parens(b.from)]);
  return [
    "inherit",
    indent([
      from,
      separator,
      join(separator, b.names.map(attrNameText)),
      many ? hardline : softline,
      ";",
    ]),
  ];
}
