/**
 * The printer's dispatch: one case per node kind, ending in a `never` check so a new kind in
 * `ast.ts` is a type error here (prettier's printer does the same). This is the one module that
 * knows every form: it builds the {@link Printer} table through which the forms print what they
 * contain, so no form's module imports another's.
 */
import type { NixExpr } from "../ast.ts";
import { floatText, identifierText, intText, pathText } from "../escape.ts";
import { printApply } from "./apply.ts";
import { printBindingItem, printRhs } from "./bindings.ts";
import { printIf, printLet, printWith, printWithAbsorbed } from "./control.ts";
import { group, type Doc } from "./doc.ts";
import { printLambda } from "./lambda.ts";
import { printBinary, printNot, printOpChain, printOperand } from "./operators.ts";
import { PLAIN, type Printer } from "./printer.ts";
import { printRaw } from "./raw.ts";
import { printInterpolation, printString } from "./strings.ts";
import {
  absorbExpr,
  parenBody,
  printAttrPath,
  printAttrs,
  printList,
  printParens,
  printSelect,
  printTerm,
  printTermBare,
  printTermWide,
} from "./terms.ts";

const printer: Printer = {
  expr: printExpr,
  apply: (e, ctx) => printApply(printer, e, ctx),
  bindingItem: (b) => printBindingItem(printer, b),
  rhs: (value) => printRhs(printer, value),
  withAbsorbed: (e) => printWithAbsorbed(printer, e),
  lambda: (e) => printLambda(printer, e),
  opChain: (e, wideFirst) => printOpChain(printer, e, wideFirst),
  operand: (e, op, side) => printOperand(printer, e, op, side),
  string: (s, forceDoubleQuotes) => printString(printer, s, forceDoubleQuotes),
  interpolation: (e, lone) => printInterpolation(printer, e, lone),
  attrs: (e, wide) => printAttrs(printer, e, wide),
  list: (e, separator) => printList(printer, e, separator),
  attrPath: (path) => printAttrPath(printer, path),
  select: (e, nested) => printSelect(printer, e, nested),
  term: (e) => printTerm(printer, e),
  parens: (e) => printParens(printer, e),
  parenBody: (e) => parenBody(printer, e),
  termBare: (e) => printTermBare(printer, e),
  termWide: (e) => printTermWide(printer, e),
  absorbExpr: (e, wide) => absorbExpr(printer, e, wide),
};

/** An expression as nixfmt's `pretty` would render it, without parentheses around it. */
export function printExpr(e: NixExpr): Doc {
  switch (e.kind) {
    case "null":
      return "null";
    case "bool":
      return e.value ? "true" : "false";
    case "int":
      return intText(e.value);
    case "float":
      return floatText(e.value);
    case "string":
      return printString(printer, e);
    case "path":
      return pathText(e.value);
    case "ident":
      return identifierText(e.name);
    case "select":
      return printSelect(printer, e);
    case "attrs":
      return printAttrs(printer, e, false);
    case "list":
      return group(printList(printer, e));
    case "apply":
      return printApply(printer, e, PLAIN);
    case "lambda":
      return printLambda(printer, e);
    case "let":
      return printLet(printer, e);
    case "with":
      return printWith(printer, e);
    case "binary":
      return printBinary(printer, e);
    case "not":
      return printNot(printer, e);
    case "if":
      return printIf(printer, e);
    case "raw":
      return printRaw(e.text);
    default: {
      const unknown: never = e;
      throw new Error(`printExpr: unknown Nix node ${JSON.stringify(unknown)}`);
    }
  }
}
