/**
 * Function application, after nixfmt's `prettyApp`:
 * - all on one line when it fits;
 * - else keep the function and the other arguments on the line and expand one argument, trying
 *   the last first (`nixpkgs.lib.nixosSystem {`, `f a [`, `mkIf cond (`);
 * - else put as many arguments as fit after the function, then one per line, indented.
 * "Simple" calls (at most two plain arguments) break only inside a parenthesized last argument;
 * two trailing lists break together.
 */
import type { NixApply, NixExpr } from "../ast.ts";
import { identifierText } from "../escape.ts";
import {
  flattenApply,
  isAbsorbableTerm,
  isSimple,
  needsParensAsTerm,
  Prec,
  precedence,
} from "./classify.ts";
import { forcedBreak, group, indent, line, removeLines, softline, unexpandSpacing, type Doc } from "./doc.ts";
import { absorbLast, priorityGroup, type Expansion } from "./layout.ts";
import type { ApplyContext, Printer } from "./printer.ts";

/** nixfmt renders at most this many plain items of a list argument on one line. */
const SHORT_LIST = 6;

/** `f a b c` */
export function printApply(p: Printer, e: NixApply, ctx: ApplyContext): Doc {
  const { fn, args } = flattenApply(e);
  const fnDoc = precedence(fn) < Prec.Apply ? p.parens(fn) : p.expr(fn);
  const lead = ctx.lead ? " " : "";
  const last = args.at(-1)!;
  const leadingTerms = args.slice(0, -1).map((a) => p.term(a));
  // nixfmt lays a simple call out so only when its function and leading arguments fit on one line
  // whatever the width (`unexpandSpacing'`): a `''` string of several lines before the last
  // argument makes it a call like any other.
  if (isSimple(e) && !leadingTerms.some(forcedBreak)) {
    // nixfmt keeps a simple call's function and leading arguments on one line; only the last
    // argument may still open (`mkForce (` … `)`). Arguments are terms: `f (g x)`, never `f g x`.
    const leading = leadingTerms.flatMap((term) => [" ", removeLines(term)]);
    // The lead space stays outside: after a quoted or long name, the binding reads it as a value
    // that may move to the next line (nixfmt's `line'` before the value's priority group).
    return [lead, group([fnDoc, ...leading, " ", group(lastArgumentContent(p, last))])];
  }

  const beforeLast = args.at(-2);
  if (last.kind === "list" && beforeLast?.kind === "list") {
    return printListPair(p, fnDoc, args.slice(0, -2), beforeLast, last, ctx);
  }

  const inner = args.slice(0, -1).map((a) => argumentContent(p, a));
  const innerDocs = inner.map((content) => group(content));
  const steps = argumentSteps(args.slice(0, -1));
  const lastContent = lastArgumentContent(p, last);
  const head = chain(fnDoc, steps, innerDocs, ctx);
  const lastAbsorbs = isAbsorbableTerm(last) || needsParensAsTerm(last);
  const expandable = (k: number) => canExpand(args[k]!) && !steps.some((step) => step.length === 2 && step.includes(k));
  const innerExpandable = inner.some((_, k) => expandable(k));
  // Inside parentheses nixfmt also requires the closing `)`, and what follows it, to fit where
  // the last argument ends, which only the general priority group checks.
  if (lastAbsorbs && !innerExpandable && !ctx.parenthesized) {
    return absorbLast(wrap([head, indent(line)], ctx), group(lastContent), ctx.lead ? 2 : 1);
  }

  const expanded = wrap(
    [head, indent([line, group(lastContent)]), ctx.parenthesized ? softline : ""],
    ctx,
  );
  const spaced = (docs: readonly Doc[]) => docs.flatMap((d) => [" ", d]);
  const expansions: Expansion[] = [];
  if (lastAbsorbs) {
    expansions.push({
      before: [lead, fnDoc, ...spaced(innerDocs), " "],
      part: lastContent,
      after: "",
      endChecked: ctx.parenthesized,
      lastLineWidth: closingWidth(last),
    });
  }
  const following = innerExpandable ? followingArguments(args, steps, inner, innerDocs) : [];
  const lastFollowing = [" ", lastAbsorbs ? unexpandSpacing(lastContent) : group(lastContent)];
  for (let k = inner.length - 1; k >= 0; k--) {
    if (!expandable(k)) continue;
    expansions.push({
      before: [lead, fnDoc, ...spaced(innerDocs.slice(0, k)), " "],
      part: inner[k]!,
      after: [...following.slice(steps.findIndex((step) => step.includes(k)) + 1), lastFollowing],
      endChecked: true,
      lastLineWidth: isAbsorbableTerm(args[k]!) ? closingWidth(args[k]!) : undefined,
    });
  }
  return priorityGroup(expanded, expansions);
}

/**
 * The function followed by the arguments before the last, nested so that as many as fit stay
 * on the function's line and the rest go one per line (nixfmt's transparent groups); two lists
 * in a row (`steps`) share one group, both on the line or each on its own.
 */
function chain(fnDoc: Doc, steps: readonly (readonly number[])[], innerDocs: readonly Doc[], ctx: ApplyContext): Doc {
  const head = ctx.parenthesized ? indent(group([softline, fnDoc])) : fnDoc;
  return steps.reduce<Doc>((acc, step) => group([acc, indent(stepDoc(step, innerDocs))]), head);
}

/** One step of {@link chain}: an argument after a line, or a pair of lists in one group. */
function stepDoc(step: readonly number[], docs: readonly Doc[]): Doc {
  const lined = step.flatMap((k) => [line, docs[k]!]);
  return step.length === 2 ? group(lined) : lined;
}

/**
 * The arguments before the last, as indices, in the steps nixfmt's `absorbApp` takes them from
 * the right: a selection alone, two lists in a row as a pair that breaks together and is never
 * expanded on its own, any other argument alone.
 */
function argumentSteps(inner: readonly NixExpr[]): number[][] {
  const steps: number[][] = [];
  let k = inner.length - 1;
  while (k >= 0) {
    const pair = inner[k]!.kind === "list" && inner[k - 1]?.kind === "list";
    steps.unshift(pair ? [k - 1, k] : [k]);
    k -= pair ? 2 : 1;
  }
  return steps;
}

/** After `=` the whole call may move to the next line, one level deeper. */
function wrap(core: Doc, ctx: ApplyContext): Doc {
  return ctx.lead ? indent([line, core]) : core;
}

/** `f [ a b ] [ c d ]`: two trailing list arguments stay together and break together. */
function printListPair(
  p: Printer,
  fnDoc: Doc,
  before: readonly NixExpr[],
  first: NixExpr,
  second: NixExpr,
  ctx: ApplyContext,
): Doc {
  const lists = [first, second].map((l) => indent([line, group(argumentContent(p, l))]));
  const core = [
    chain(
      fnDoc,
      argumentSteps(before),
      before.map((a) => group(argumentContent(p, a))),
      ctx,
    ),
    ...lists,
  ];
  return group(wrap([core, ctx.parenthesized ? softline : ""], ctx));
}

/** An argument before the last; a short list of plain items may stay on one line. */
function argumentContent(p: Printer, a: NixExpr): Doc {
  if (
    a.kind === "list" &&
    a.items.length <= SHORT_LIST &&
    a.items.every((item) => isSimple(item.value))
  ) {
    return p.list(a, line);
  }
  return p.term(a);
}

/**
 * A lambda or single-argument call with an absorbable body, which opens right after its `(`
 * (`(x: {`, `(f {`): its name, what separates the name from the body, and the body.
 */
function openingInParentheses(a: NixExpr): { name: string; separator: string; body: NixExpr } | undefined {
  if (a.kind === "lambda" && a.param.kind === "ident" && isAbsorbableTerm(a.body)) {
    return { name: a.param.name, separator: ": ", body: a.body };
  }
  if (a.kind === "apply" && a.fn.kind === "ident" && isAbsorbableTerm(a.arg)) {
    return { name: a.fn.name, separator: " ", body: a.arg };
  }
  return undefined;
}

/**
 * The arguments as they follow an expanded one, on the line where it ends: for each of `steps`,
 * its separator and arguments. They print flat there; what differs is how much of them counts
 * while what precedes them is laid out. nixfmt dissolves there the priority group of every
 * argument but a selection and measures that argument's own line breaks as spaces
 * (`unexpandSpacing` of the "post"), the groups inside it up to their first line break: `{ a =`
 * of a set, all of `[ 1 2 ]`, `(` of a parenthesized argument; a pair of lists keeps its group,
 * whose first line break ends the measure.
 */
function followingArguments(args: readonly NixExpr[], steps: readonly (readonly number[])[], inner: readonly Doc[], innerDocs: readonly Doc[]): Doc[] {
  return steps.map((step) => {
    if (step.length === 2) return stepDoc(step, innerDocs);
    const k = step[0]!;
    return [" ", args[k]!.kind === "select" ? innerDocs[k]! : unexpandSpacing(inner[k]!)];
  });
}

/**
 * Columns of the last line of `a` expanded as a last argument (`}`, `]`, `)`, `})`), or as
 * another argument when it is a set or list; undefined for a string, whose last line may hold
 * text before its closing `''`.
 */
function closingWidth(a: NixExpr): number | undefined {
  if (a.kind === "string") return undefined;
  if (isAbsorbableTerm(a)) return 1;
  const opening = openingInParentheses(a);
  if (opening === undefined) return 1;
  const bodyWidth = closingWidth(opening.body);
  return bodyWidth === undefined ? undefined : bodyWidth + 1;
}

/** Arguments nixfmt may expand while the rest of the call stays on one line. */
function canExpand(a: NixExpr): boolean {
  return a.kind !== "select" && (isAbsorbableTerm(a) || needsParensAsTerm(a));
}

/**
 * The last argument. Absorbable terms print bare (`{`, `[`, `''`); a parenthesized lambda or
 * single-argument call with an absorbable body opens on the line (`(x: {`, `(f {`); any other
 * parenthesized argument puts its content on its own lines (`(` … `)`).
 */
function lastArgumentContent(p: Printer, a: NixExpr): Doc {
  if (isAbsorbableTerm(a)) return p.termBare(a);
  if (!needsParensAsTerm(a)) return p.term(a);
  const opening = openingInParentheses(a);
  if (opening === undefined) return ["(", indent([softline, group(p.expr(a))]), softline, ")"];
  return ["(", identifierText(opening.name), opening.separator, p.termWide(opening.body), ")"];
}
