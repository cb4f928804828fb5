/**
 * The printer's dispatch: one case per node kind, ending in a `never` check so a new kind in
 * `ast.ts` is a type error here (prettier's printer does the same).
 */
import type { NixExpr } from "../ast.ts";
import { floatText, identifierText, intText, pathText } from "../escape.ts";
import { PLAIN, printApply } from "./apply.ts";
import { printIf, printLet, printWith } from "./control.ts";
import { printLambda } from "./lambda.ts";
import { group, type Doc } from "./doc.ts";
import { printBinary, printNot } from "./operators.ts";
import { printRaw } from "./raw.ts";
import { printString } from "./strings.ts";
import { printAttrs, printList, printSelect } from "./terms.ts";

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
      return printString(e);
    case "path":
      return pathText(e.value);
    case "ident":
      return identifierText(e.name);
    case "select":
      return printSelect(e);
    case "attrs":
      return printAttrs(e, false);
    case "list":
      return group(printList(e));
    case "apply":
      return printApply(e, PLAIN);
    case "lambda":
      return printLambda(e);
    case "let":
      return printLet(e);
    case "with":
      return printWith(e);
    case "binary":
      return printBinary(e);
    case "not":
      return printNot(e);
    case "if":
      return printIf(e);
    case "raw":
      return printRaw(e.text);
    default: {
      const unknown: never = e;
      throw new Error(`printExpr: unknown Nix node ${JSON.stringify(unknown)}`);
    }
  }
}
