/**
 * The printers of the forms that hold other expressions, as one table handed to every form's
 * module: a form prints what it contains through the table, so no form's module imports
 * another's. `expr.ts` builds the table and is the one place that knows every form.
 */
import type {
  NixApply,
  NixAttrName,
  NixAttrs,
  NixBinary,
  NixBinaryOp,
  NixBinding,
  NixExpr,
  NixLambda,
  NixList,
  NixSelect,
  NixString,
  NixWith,
} from "../ast.ts";
import type { Doc } from "./doc.ts";

/** Where a call is printed; nixfmt passes the same facts to `prettyApp`. */
export interface ApplyContext {
  /** It follows `=` or an operator: a space, or a line break and one more indentation level. */
  readonly lead: boolean;
  /** Inside `( … )`: the function may move below `(`, and `)` below the last argument. */
  readonly parenthesized: boolean;
}

/** A call in statement position: file body, `let … in`, list of module items, etc. */
export const PLAIN: ApplyContext = { lead: false, parenthesized: false };
/** A call after `=` or after an operator. */
export const BINDING: ApplyContext = { lead: true, parenthesized: false };
/** A call inside parentheses. */
export const PARENTHESIZED: ApplyContext = { lead: false, parenthesized: true };

/** One printer per form that other forms print (see each for its layout). */
export interface Printer {
  /** An expression, without parentheses around it (`expr.ts`). */
  readonly expr: (e: NixExpr) => Doc;
  /** `f a b` where `ctx` says (`apply.ts`). */
  readonly apply: (e: NixApply, ctx: ApplyContext) => Doc;
  /** A binding as an item of a set or `let` (`bindings.ts`). */
  readonly bindingItem: (b: NixBinding) => Doc;
  /** What follows `=` (`bindings.ts`). */
  readonly rhs: (value: NixExpr) => Doc;
  /** `with pkgs; [`: a set or list body opening on the `with` line (`control.ts`). */
  readonly withAbsorbed: (e: NixWith) => Doc;
  /** A lambda (`lambda.ts`). */
  readonly lambda: (e: NixLambda) => Doc;
  /** A chain of one operator; `wideFirst` expands a leading set or list (`operators.ts`). */
  readonly opChain: (e: NixBinary, wideFirst: boolean) => Doc;
  /** An operand of `op`, parenthesized when it binds less tightly (`operators.ts`). */
  readonly operand: (e: NixExpr, op: NixBinaryOp, side: "left" | "right") => Doc;
  /** A string; `forceDoubleQuotes` for attribute names (`strings.ts`). */
  readonly string: (s: NixString, forceDoubleQuotes?: boolean) => Doc;
  /** `${e}`; `lone` when alone on its line of a string (`strings.ts`). */
  readonly interpolation: (e: NixExpr, lone?: boolean) => Doc;
  /** `{ … }`; `wide` expands even one binding (`terms.ts`). */
  readonly attrs: (e: NixAttrs, wide: boolean) => Doc;
  /** `[ … ]` with its items separated by `separator` (`terms.ts`). */
  readonly list: (e: NixList, separator?: Doc) => Doc;
  /** `base.a.b or default`; `nested` after a chain's operator (`terms.ts`). */
  readonly select: (e: NixSelect, nested: boolean) => Doc;
  /** `a.b."c d".${e}` (`terms.ts`). */
  readonly attrPath: (path: readonly NixAttrName[]) => Doc;
  /** An expression where Nix expects a term, parenthesized if needed (`terms.ts`). */
  readonly term: (e: NixExpr) => Doc;
  /** `( … )` (`terms.ts`). */
  readonly parens: (e: NixExpr) => Doc;
  /** What goes between `(` and `)` (`terms.ts`). */
  readonly parenBody: (e: NixExpr) => Doc;
  /** An absorbable term, sets not forced open (`terms.ts`). */
  readonly termBare: (e: NixExpr) => Doc;
  /** An absorbable term, sets always expanded (`terms.ts`). */
  readonly termWide: (e: NixExpr) => Doc;
  /** An absorbable expression starting at the end of the current line (`terms.ts`). */
  readonly absorbExpr: (e: NixExpr, wide: boolean) => Doc;
}
