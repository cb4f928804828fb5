/**
 * Questions the layout rules ask about expressions: how tightly they bind (for parentheses),
 * whether nixfmt considers them "simple" or "absorbable", and the flattened shape of curried
 * applications and operator chains. Pure functions of the AST.
 */
import type { NixApply, NixBinary, NixBinaryOp, NixExpr } from "../ast.ts";
import { isBareName, isIntSubtraction } from "../escape.ts";
import { isAtomicRaw, isSimpleRaw } from "./raw.ts";
import { stringLayout } from "./string-layout.ts";

/** Binding strength of an expression; a child binding weaker than its position needs parentheses. */
export const Prec = {
  /** `x: …`, `let`, `with`, `if`: they extend as far right as possible. */
  Open: 0,
  Implication: 5,
  Or: 10,
  And: 20,
  Equality: 30,
  Update: 40,
  Not: 50,
  Sum: 60,
  Concat: 70,
  Negation: 80,
  Apply: 90,
  /** Literals, variables, selections, sets, lists, parenthesized forms. */
  Term: 100,
} as const;

/** One of the {@link Prec} levels. */
export type Prec = (typeof Prec)[keyof typeof Prec];

const OPERATOR_PREC: Readonly<Record<NixBinaryOp, Prec>> = {
  "->": Prec.Implication,
  "||": Prec.Or,
  "&&": Prec.And,
  "==": Prec.Equality,
  "!=": Prec.Equality,
  "//": Prec.Update,
  "+": Prec.Sum,
  "++": Prec.Concat,
};

/** How tightly `e` binds when printed without parentheses. */
export function precedence(e: NixExpr): Prec {
  switch (e.kind) {
    case "int":
      return isIntSubtraction(e.value) ? Prec.Sum : e.value < 0n ? Prec.Negation : Prec.Term;
    case "float":
      return e.value < 0 ? Prec.Negation : Prec.Term;
    case "apply":
      return Prec.Apply;
    case "binary":
      return OPERATOR_PREC[e.op];
    case "not":
      return Prec.Not;
    case "lambda":
    case "let":
    case "with":
    case "if":
      return Prec.Open;
    case "raw":
      return isAtomicRaw(e.text) ? Prec.Term : Prec.Open;
    default:
      return Prec.Term;
  }
}

/** The precedence level of a binary operator. */
export function operatorPrec(op: NixBinaryOp): Prec {
  return OPERATOR_PREC[op];
}

/** Whether `e` must be parenthesized where Nix expects a term (argument, list item, `or` default). */
export function needsParensAsTerm(e: NixExpr): boolean {
  return precedence(e) < Prec.Term;
}

/** `f a b` as its function and arguments, in order. */
export function flattenApply(e: NixApply): { fn: NixExpr; args: NixExpr[] } {
  const args: NixExpr[] = [];
  let fn: NixExpr = e;
  while (fn.kind === "apply") {
    args.unshift(fn.arg);
    fn = fn.fn;
  }
  return { fn, args };
}

/**
 * Operands of a chain of one operator, as nixfmt flattens `a // b // c`. Chains follow Nix's
 * associativity; `//`, `++`, `&&` and `||` are associative in value, so they flatten both ways.
 */
export function flattenChain(e: NixBinary): NixExpr[] {
  const collect = (x: NixExpr, side: "left" | "right"): NixExpr[] => {
    if (x.kind !== "binary" || x.op !== e.op || !chainsOn(e.op, side)) return [x];
    return [...collect(x.left, "left"), ...collect(x.right, "right")];
  };
  return [...collect(e.left, "left"), ...collect(e.right, "right")];
}

function chainsOn(op: NixBinaryOp, side: "left" | "right"): boolean {
  switch (op) {
    case "//":
    case "++":
    case "&&":
    case "||":
      return true;
    case "+":
      return side === "left";
    case "->":
      return side === "right";
    case "==":
    case "!=":
      return false;
  }
}

/** Whether an operand on `side` of `op` needs parentheses (chains of the same op are flattened). */
export function needsParensAsOperand(e: NixExpr, op: NixBinaryOp, side: "left" | "right"): boolean {
  const child = precedence(e);
  const parent = OPERATOR_PREC[op];
  if (child !== parent) return child < parent;
  if (e.kind === "binary" && e.op === op) return !chainsOn(op, side);
  // Different operators of one level (`==`/`!=`, or `+` and the int-min subtraction).
  return parent === Prec.Equality || side === "right";
}

/** nixfmt's `isSimple`: short, low-complexity expressions that are never broken across lines. */
export function isSimple(e: NixExpr): boolean {
  switch (e.kind) {
    case "null":
    case "bool":
    case "ident":
    case "string":
    case "path":
      return true;
    // A number is a token; a negative one is the negation `(-5)`, not simple.
    case "int":
    case "float":
      return precedence(e) === Prec.Term;
    case "select":
      return (
        e.orDefault === undefined &&
        isSimple(e.expr) &&
        e.path.every((name) => typeof name === "string" && isBareName(name))
      );
    case "apply": {
      const { fn, args } = flattenApply(e);
      return args.length <= 2 && isSimple(fn) && args.every(isSimple);
    }
    // nixfmt sees the Nix the raw text is: `config.x.enable` is a selection like any other.
    case "raw":
      return isSimpleRaw(e.text);
    default:
      return false;
  }
}

/** nixfmt's absorbable terms: non-empty sets and lists, and strings printed as multi-line `''`. */
export function isAbsorbableTerm(e: NixExpr): boolean {
  switch (e.kind) {
    case "attrs":
      return e.bindings.length > 0;
    case "list":
      return e.items.length > 0;
    case "string":
      return stringLayout(e).kind === "indented";
    default:
      return false;
  }
}

/**
 * nixfmt's `isAbsorbableExpr`: expressions that may start at the end of the current line, such
 * as `with pkgs; [` and `final: prev: {`.
 */
export function isAbsorbableExpr(e: NixExpr): boolean {
  switch (e.kind) {
    case "with":
      return isAbsorbableTerm(e.body);
    case "lambda":
      return (
        e.param.kind === "ident" &&
        (isAbsorbableTerm(e.body) || (e.body.kind === "lambda" && isAbsorbableExpr(e.body)))
      );
    default:
      return isAbsorbableTerm(e);
  }
}
