/**
 * Operators. A chain of one operator (`a // b // c`) is one group: on one line if it fits,
 * otherwise one operand per line with the operator leading (nixfmt). `==` and `!=` do not chain:
 * the operator moves to the next line only when the rest does not fit.
 */
import type { NixBinary, NixBinaryOp, NixExpr, NixNot } from "../ast.ts";
import { BINDING, printApply } from "./apply.ts";
import {
  flattenChain,
  isAbsorbableTerm,
  needsParensAsOperand,
  Prec,
  precedence,
} from "./classify.ts";
import { printExpr } from "./expr.ts";
import { group, indent, line, type Doc } from "./doc.ts";
import { printParens, printTermWide } from "./terms.ts";

/** `a op b`, and chains of one operator. */
export function printBinary(e: NixBinary): Doc {
  if (e.op === "==" || e.op === "!=") {
    return [
      printOperand(e.left, e.op, "left"),
      group([line, e.op]),
      " ",
      printOperand(e.right, e.op, "right"),
    ];
  }
  return printOpChain(e, false);
}

/**
 * The operands of a chain, each after `line op`. With `wideFirst` (the chain is the value of a
 * binding and starts with a set or list), the first operand is printed expanded.
 */
export function printOpChain(e: NixBinary, wideFirst: boolean): Doc {
  const [first, ...rest] = flattenChain(e);
  const head =
    wideFirst && isAbsorbableTerm(first!)
      ? printTermWide(first!)
      : printOperand(first!, e.op, "left");
  return group([head, ...rest.map((operand) => [line, e.op, absorbOperand(operand, e.op)])]);
}

/**
 * An operand after its operator: sets, lists and `''` strings open on the operator's line,
 * nested chains of another operator move to their own line, calls absorb their last argument.
 */
function absorbOperand(operand: NixExpr, op: NixBinaryOp): Doc {
  if (needsParensAsOperand(operand, op, "right")) return [" ", printParens(operand)];
  if (isAbsorbableTerm(operand)) return [" ", printExpr(operand)];
  if (operand.kind === "binary") return indent(group([line, printExpr(operand)]));
  if (operand.kind === "apply") return group(printApply(operand, BINDING));
  return [" ", printExpr(operand)];
}

/** An operand of `op`, parenthesized when it binds less tightly. */
export function printOperand(e: NixExpr, op: NixBinaryOp, side: "left" | "right"): Doc {
  return needsParensAsOperand(e, op, side) ? printParens(e) : printExpr(e);
}

/** `!e`; operators under `!` are always parenthesized, for the reader. */
export function printNot(e: NixNot): Doc {
  const operand = e.expr;
  const bare = operand.kind === "not" || precedence(operand) >= Prec.Apply;
  return ["!", bare ? printExpr(operand) : printParens(operand)];
}
