/**
 * The pieces that make the line-fitting printer (`doc.ts`, `render.ts`) lay out like nixfmt
 * (RFC 166 style, `nixfmt --strict`, width 100): nixfmt's "priority groups", which, when a group
 * does not fit, first try keeping everything on one line except one absorbable part (`f a {`).
 * {@link absorbLast} expresses the common case, where that part comes last, with a group id;
 * {@link priorityGroup} the general case, with a conditional group.
 */
import {
  breakParent,
  conditionalGroup,
  forcedBreak,
  group,
  indentIfBreak,
  type Doc,
  type ExpansionEnd,
  type Group,
} from "./doc.ts";
import { printDoc } from "./render.ts";

/** nixfmt's default line width, not counting indentation. */
const WIDTH = 100;

/** Width of a document laid out on one line (code points, as nixfmt counts); Infinity if it cannot be. */
export function flatWidth(d: Doc): number {
  if (typeof d === "string") return codePoints(d);
  if (Array.isArray(d)) return (d as readonly Doc[]).reduce<number>((sum, part) => sum + flatWidth(part), 0);
  const node = d as Exclude<Doc, string | readonly Doc[]>;
  switch (node.kind) {
    case "group":
      return node.shouldBreak ? Number.POSITIVE_INFINITY : flatWidth(node.contents);
    case "text-group":
      return codePoints(node.text);
    case "line":
      return node.hard ? Number.POSITIVE_INFINITY : node.soft ? 0 : 1;
    case "break-parent":
      return Number.POSITIVE_INFINITY;
    case "indent":
    case "indent-if-break":
      return flatWidth(node.contents);
    case "if-break":
      return flatWidth(node.flatContents);
  }
}

/** Code points in `text` (`[...text].length`, without the array): a surrogate pair is one. */
function codePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/**
 * nixfmt's priority group when the absorbable part comes last and nothing follows it in the
 * group (`f a {`, `a // {`): `head` stays on one line when it fits together with the first line
 * of `part`, which then opens on that line; otherwise `head`'s own lines break and `part` gets
 * `depth` more indentation. A group id and `indentIfBreak` express this exactly, and far more
 * cheaply than {@link priorityGroup}.
 */
export function absorbLast(head: Doc, part: Doc, depth: number): Doc {
  const id = Symbol("head");
  let shifted = part;
  for (let level = 0; level < depth; level++) shifted = indentIfBreak(shifted, { groupId: id });
  return [group(head, { id }), shifted];
}

/** A layout that keeps `before` and `after` on one line and expands only `part`. */
export interface Expansion {
  readonly before: Doc;
  readonly part: Doc;
  readonly after: Doc;
  /**
   * Whether `after`, and what follows the group up to its next line break, must fit on the line
   * where `part` ends: nixfmt checks this whenever something follows the part inside the group
   * (its "post": later arguments, or the line break before a closing parenthesis).
   */
  readonly endChecked: boolean;
  /**
   * Columns of the last line of `part` expanded, when known without laying it out (`}`, `])`):
   * the renderer then need not print the part on trial to find where it ends.
   */
  readonly lastLineWidth?: number;
}

/**
 * nixfmt's general priority group. Layouts are tried in order: everything on one line; then
 * each expansion (nixfmt tries the last absorbable part first); then `expanded`, where the
 * group's own lines break and inner groups decide for themselves.
 *
 * An expansion whose `before` or `after` must break is skipped, as nixfmt requires both to fit
 * on a line. A forced break inside is passed on to the enclosing groups with `breakParent`,
 * because a conditional group does not pass breaks on (as in prettier) but nixfmt's enclosing
 * groups cannot fit either.
 */
export function priorityGroup(expanded: Doc, expansions: readonly Expansion[]): Doc {
  const forced = forcedBreak(expanded);
  const tries = expansions
    .filter(({ before, after }) => !forcedBreak(before) && !forcedBreak(after))
    .map(({ before, part, after, endChecked, lastLineWidth }) => {
      const end: ExpansionEnd = { before, part: group(part, { shouldBreak: true }) as Group, after, lastLineWidth };
      return { state: [end.before, end.part, end.after], checkedEnd: endChecked ? end : undefined };
    });
  if (tries.length === 0) return group(expanded);
  const states = tries.map(({ state }) => state);
  const ends = tries.map(({ checkedEnd }) => checkedEnd);
  const chosen = forced
    ? conditionalGroup([...states, expanded], [...ends, undefined])
    : conditionalGroup([expanded, ...states, expanded], [undefined, ...ends, undefined]);
  return forced ? [chosen, breakParent] : chosen;
}

/** Lay the document out at width 100 and return the text. */
export function render(d: Doc): string {
  return printDoc(d, WIDTH);
}
