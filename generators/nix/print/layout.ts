/**
 * prettier's document builders, plus the few pieces needed to make prettier's printer lay out
 * like nixfmt's (RFC 166 style, `nixfmt --strict`, width 100).
 *
 * Two differences between the engines are bridged here:
 * - nixfmt's width limit does not count leading indentation (standard.md, "Line length"; its
 *   renderer tracks the column without indentation). prettier counts it, so {@link render}
 *   indents with tabs of width 0 and expands each leading tab to two spaces afterwards.
 * - nixfmt has "priority groups": when a group does not fit, it first tries keeping everything
 *   on one line except one absorbable part (`f a {`). {@link priorityGroup} expresses that with
 *   prettier's `conditionalGroup`.
 */
import { doc } from "prettier";
import type { Doc } from "prettier";

export type { Doc };

export const { breakParent, conditionalGroup, group, hardline, ifBreak, indent, join, line, softline } =
  doc.builders;

/** nixfmt's default line width, not counting indentation. */
const WIDTH = 100;

/**
 * Tabs inside user text (comments, raw Nix) stand in as NUL while prettier prints: NUL is refused
 * in every user value, so after printing every tab left is indentation.
 */
export const TAB_PLACEHOLDER = "\0";

const forcedBreakMemo = new WeakMap<object, boolean>();

/** Whether a document contains a line break that no layout can avoid (a hard line). */
export function forcedBreak(d: Doc): boolean {
  if (typeof d === "string") return false;
  const known = forcedBreakMemo.get(d);
  if (known !== undefined) return known;
  let result: boolean;
  if (Array.isArray(d)) {
    result = d.some(forcedBreak);
  } else {
    switch (d.type) {
      case "group":
        result = d.break === true || forcedBreak(d.contents);
        break;
      case "line":
        result = d.hard === true;
        break;
      case "break-parent":
        result = true;
        break;
      case "indent":
      case "align":
      case "label":
      case "line-suffix":
        result = forcedBreak(d.contents);
        break;
      case "if-break":
        result = forcedBreak(d.breakContents) || forcedBreak(d.flatContents);
        break;
      case "fill":
        result = d.parts.some(forcedBreak);
        break;
      default:
        result = false;
    }
  }
  forcedBreakMemo.set(d, result);
  return result;
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

/** A layout that keeps `before` and `after` on one line and expands only `part`. */
export interface Expansion {
  readonly before: Doc;
  readonly part: Doc;
  readonly after: Doc;
}

/**
 * nixfmt's priority group. Layouts are tried in order: everything on one line; then each
 * expansion (nixfmt tries the last absorbable part first); then `expanded`, where the group's own
 * lines break and inner groups decide for themselves.
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
