/**
 * The Nix printer: AST in, source text out, laid out as `nixfmt --strict` (RFC 166, width 100)
 * lays it out, so generated files are nixfmt fixed points.
 *
 * Built on layout documents (`print/doc.ts`, laid out by `print/render.ts`), one small printer per
 * node kind (`print/expr.ts` dispatches). All escaping happens in `escape.ts`.
 */
import type { NixExpr, NixFile } from "./ast.ts";
import { printExpr } from "./print/expr.ts";
import { group, hardline, join } from "./print/doc.ts";
import { render } from "./print/layout.ts";
import { commentDocs } from "./print/comments.ts";
import { needsParensAsTerm } from "./print/classify.ts";

export { NixPrintError } from "./escape.ts";

/** One expression as Nix source, without a trailing newline. Throws `NixPrintError`. */
export function printNixExpr(expr: NixExpr): string {
  return render(group(printExpr(expr)));
}

/**
 * One expression as Nix source that stands as one term wherever it is spliced into hand-written
 * Nix (a list item, an argument, an operand): parenthesized when it binds less tightly, as
 * `-1`, `lib.mkForce x` and `a // b` do (`[ -1 ]` does not parse; `f lib.mkForce x` applies `f`
 * to two arguments).
 */
export function printNixTerm(expr: NixExpr): string {
  const text = printNixExpr(expr);
  return needsParensAsTerm(expr) ? `(${text})` : text;
}

/**
 * A whole file: the header comments as `#` lines, one blank line, the expression, and exactly
 * one trailing newline. The blank line keeps the header a file comment rather than the
 * documentation of the expression below it; nixfmt keeps both as they are.
 * Throws `NixPrintError`.
 */
export function printNixFile(file: NixFile): string {
  const header = commentDocs(file.comments);
  const top = group(printExpr(file.expr));
  const text = render(
    header.length === 0 ? top : [join(hardline, header), hardline, hardline, top],
  );
  return `${text}\n`;
}
