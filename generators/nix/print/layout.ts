/**
 * prettier's document builders, plus the few pieces needed to make prettier's printer lay out
 * like nixfmt's (RFC 166 style, `nixfmt --strict`, width 100).
 *
 * Two differences between the engines are bridged here:
 * - nixfmt's width limit does not count leading indentation (standard.md, "Line length"; its
 *   renderer tracks the column without indentation). prettier counts it, so {@link render}
 *   indents with tabs of width 0 and expands each leading tab to two spaces afterwards.
 * - nixfmt has "priority groups": when a group does not fit, it first tries keeping everything
 *   on one line except one absorbable part (`f a {`). {@link absorbLast} expresses the common
 *   case, where that part comes last, with a group id; {@link priorityGroup} the general case,
 *   with prettier's `conditionalGroup`.
 *
 * Text width is prettier's (East Asian wide characters and emoji count two columns, nixfmt counts
 * code points), which can only matter for such characters on a line near the width limit.
 */
import * as doc from "prettier/doc";
type Doc = doc.builders.Doc;

export type { Doc };

export const {
  group,
  hardline,
  hardlineWithoutBreakParent,
  ifBreak,
  indent,
  join,
  line,
  softline,
} = doc.builders;

const { breakParent, conditionalGroup, indentIfBreak } = doc.builders;

/** nixfmt's default line width, not counting indentation. */
const WIDTH = 100;

/**
 * Tabs inside user text (comments, raw Nix) stand in as NUL while prettier prints: NUL is refused
 * in every user value, so after printing every tab left is indentation.
 */
export const TAB_PLACEHOLDER = "\0";

const forcedBreakMemo = new WeakMap<object, boolean>();

/**
 * Whether a document contains a line break that no layout can avoid (a hard line). Results are
 * remembered per group, so asking again about an enclosing document does not walk inner groups.
 */
function forcedBreak(d: Doc): boolean {
  if (typeof d === "string") return false;
  if (Array.isArray(d)) return d.some(forcedBreak);
  switch (d.type) {
    case "group": {
      const known = forcedBreakMemo.get(d);
      if (known !== undefined) return known;
      const result = d.break === true || forcedBreak(d.contents);
      forcedBreakMemo.set(d, result);
      return result;
    }
    case "line":
      return d.hard === true;
    case "break-parent":
      return true;
    case "indent":
    case "align":
    case "label":
    case "line-suffix":
      return forcedBreak(d.contents);
    case "if-break":
      return forcedBreak(d.breakContents) || forcedBreak(d.flatContents);
    case "fill":
      return d.parts.some(forcedBreak);
    default:
      return false;
  }
}

/** Width of a document laid out on one line (code points, as nixfmt counts); Infinity if it cannot be. */
export function flatWidth(d: Doc): number {
  if (typeof d === "string") return [...d].length;
  if (Array.isArray(d)) return d.reduce<number>((sum, part) => sum + flatWidth(part), 0);
  switch (d.type) {
    case "group":
      return d.break === true ? Number.POSITIVE_INFINITY : flatWidth(d.contents);
    case "line":
      return d.hard === true ? Number.POSITIVE_INFINITY : d.soft === true ? 0 : 1;
    case "break-parent":
      return Number.POSITIVE_INFINITY;
    case "indent":
    case "align":
    case "label":
      return flatWidth(d.contents);
    case "if-break":
      return flatWidth(d.flatContents);
    default:
      return 0;
  }
}

/**
 * nixfmt's priority group when the absorbable part comes last (`f a {`, `a // {`): `head` stays
 * on one line when it fits together with the first line of `part`, which then opens on that
 * line; otherwise `head`'s own lines break, `part` gets `depth` more indentation, and `tail`
 * (text only present in that case, such as the line break before a closing parenthesis) is
 * printed. A group id and `indentIfBreak` express this exactly, and far more cheaply than
 * {@link priorityGroup}.
 */
export function absorbLast(head: Doc, part: Doc, depth: number, tail: Doc = ""): Doc {
  const id = Symbol("head");
  let shifted = part;
  for (let level = 0; level < depth; level++) shifted = indentIfBreak(shifted, { groupId: id });
  return [group(head, { id }), shifted, tail === "" ? "" : ifBreak(tail, "", { groupId: id })];
}

/** A layout that keeps `before` and `after` on one line and expands only `part`. */
export interface Expansion {
  readonly before: Doc;
  readonly part: Doc;
  readonly after: Doc;
}

/**
 * nixfmt's general priority group. Layouts are tried in order: everything on one line; then
 * each expansion (nixfmt tries the last absorbable part first); then `expanded`, where the
 * group's own lines break and inner groups decide for themselves.
 *
 * An expansion whose `before` or `after` must break is skipped, as nixfmt requires both to fit
 * on a line. A forced break inside is passed on to the enclosing groups with `breakParent`,
 * because prettier does not propagate breaks out of a `conditionalGroup` but nixfmt's enclosing
 * groups cannot fit either.
 */
export function priorityGroup(expanded: Doc, expansions: readonly Expansion[]): Doc {
  const forced = forcedBreak(expanded);
  const tries = expansions
    .filter(({ before, after }) => !forcedBreak(before) && !forcedBreak(after))
    .map(({ before, part, after }) => [before, group(part, { shouldBreak: true }), after]);
  if (tries.length === 0) return group(expanded);
  const states = forced ? [...tries, expanded] : [expanded, ...tries, expanded];
  const chosen = conditionalGroup(states);
  return forced ? [chosen, breakParent] : chosen;
}

/** Lay the document out at width 100 and return the text (leading indentation as spaces). */
export function render(d: Doc): string {
  const { formatted } = doc.printer.printDocToString(d, {
    printWidth: WIDTH,
    tabWidth: 0,
    useTabs: true,
  });
  return formatted
    .replace(/^\t+/gm, (tabs) => "  ".repeat(tabs.length))
    .replaceAll(TAB_PLACEHOLDER, "\t");
}
