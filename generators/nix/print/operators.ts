/**
 * Operators. A chain of one operator (`a // b // c`) is one group: on one line if it fits,
 * otherwise one operand per line with the operator leading (nixfmt). `==` and `!=` do not chain:
 * the operator moves to the next line only when the rest does not fit.
 */
import type { NixBinary, NixBinaryOp, NixExpr, NixNot } from "../ast.ts";
import {
  flattenChain,
  isAbsorbableTerm,
  needsParensAsOperand,
  Prec,
  precedence,
} from "./classify.ts";
import { group, indent, line, type Doc } from "./doc.ts";
import { BINDING, type Printer } from "./printer.ts";

/** `a op b`, and chains of one operator. */
export function printBinary(p: Printer, e: NixBinary): Doc {
  if (e.op === "==" || e.op === "!=") {
    return [
      printOperand(p, e.left, e.op, "left"),
      group([line, e.op], { softLine: true }),
      " ",
      printOperand(p, e.right, e.op, "right"),
    ];
  }
  return printOpChain(p, e, false);
}

/**
 * The operands of a chain, each after `line op`. With `wideFirst` (the chain is the value of a
 * binding and starts with a set or list), the first operand is printed expanded.
 */
export function printOpChain(p: Printer, e: NixBinary, wideFirst: boolean): Doc {
  const [first, ...rest] = flattenChain(e);
  const head =
    wideFirst && isAbsorbableTerm(first!)
      ? p.termWide(first!)
      : printOperand(p, first!, e.op, "left");
  return group([head, ...rest.map((operand) => [line, e.op, absorbOperand(p, operand, e.op)])]);
}

/**
 * An operand after its operator: sets, lists and `''` strings open on the operator's line,
 * nested chains of another operator move to their own line, calls absorb their last argument.
 */
function absorbOperand(p: Printer, operand: NixExpr, op: NixBinaryOp): Doc {
  if (needsParensAsOperand(operand, op, "right")) return [" ", p.parens(operand)];
  if (isAbsorbableTerm(operand)) return [" ", p.expr(operand)];
  if (operand.kind === "binary") return indent(group([line, p.expr(operand)]));
  if (operand.kind === "apply") return group(p.apply(operand, BINDING));
  if (operand.kind === "select") return [" ", p.select(operand, true)];
  return [" ", p.expr(operand)];
}

/** An operand of `op`, parenthesized when it binds less tightly. */
export function printOperand(p: Printer, e: NixExpr, op: NixBinaryOp, side: "left" | "right"): Doc {
  return needsParensAsOperand(e, op, side) ? p.parens(e) : p.expr(e);
}

/** `!e`; operators under `!` are always parenthesized, for the reader. */
export function printNot(p: Printer, e: NixNot): Doc {
  const operand = e.expr;
  const bare = operand.kind === "not" || precedence(operand) >= Prec.Apply;
  return ["!", bare ? p.expr(operand) : p.parens(operand)];
}
