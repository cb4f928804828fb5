/**
 * Layout documents: text with the places where it may break, as in Wadler's "A prettier
 * printer" and prettier's `src/document`, reduced to the forms the Nix printer needs. Plain
 * data; a group works out when it is built whether it must break, so printing needs no pass
 * over the whole document first (prettier's `propagateBreaks`).
 *
 * The builders keep prettier's names and meaning, so the layout rules read as before.
 */

/** A layout document. */
export type Doc = string | readonly Doc[] | Group | TextGroup | Indent | IndentIfBreak | IfBreak | Line | BreakParent;

/** Content laid out on one line when it fits, else with its lines broken. */
export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Names the group for {@link IfBreak} and {@link IndentIfBreak} elsewhere. */
  readonly id: symbol | undefined;
  /** Broken whatever the width: asked for by the builder. */
  readonly shouldBreak: boolean;
  /** Layouts tried in order when the group does not fit on one line (a conditional group). */
  readonly expandedStates: readonly Doc[] | undefined;
  /**
   * For each of `expandedStates`, the expansion it lays out when nixfmt also requires the text
   * after the expanded part to fit on the line where that part ends; else undefined.
   */
  readonly checkedEnds: readonly (ExpansionEnd | undefined)[] | undefined;
  /**
   * Broken whatever the width: asked for, or a {@link BreakParent} (every {@link hardline} has
   * one) or a broken group inside. A conditional group is never broken from inside.
   */
  readonly breaks: boolean;
  /** No layout puts it on one line: asked to break, or holds a hard line (see {@link forcedBreak}). */
  readonly forced: boolean;
  /**
   * A group of one soft line (nixfmt's `softline`, which it decides on its own): it breaks when
   * the first line of what follows does not fit, nixfmt's way (`firstLineFits`, see `render.ts`).
   */
  readonly softLine: boolean;
}

/**
 * A group of text only, as one string: it lays out the same anywhere, so the printer neither
 * walks nor measures its parts. Still a group to the printer, which measures the group after a
 * hard line laid out flat (prettier's `shouldRemeasure`): output must not change.
 */
export interface TextGroup {
  readonly kind: "text-group";
  readonly text: string;
}

/**
 * A layout of a conditional group, `[before, part, after]`, that keeps `before` on the line where
 * `part` opens (broken) and `after` on the line where it closes.
 */
export interface ExpansionEnd {
  readonly before: Doc;
  readonly part: Group;
  readonly after: Doc;
  /** Columns of the part's last line when known without laying it out (a closing bracket). */
  readonly lastLineWidth: number | undefined;
}

/** Content one indentation level deeper after each line break inside it. */
export interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
  /**
   * Columns added to the indentation: two for a level; any number for nixfmt's `offset`, which
   * lines up what breaks inside a string with the spaces the string's line starts with.
   */
  readonly columns: number;
}

/** Content indented only when the group `groupId` is broken. */
export interface IndentIfBreak {
  readonly kind: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}

/** One content when the enclosing group (or the group `groupId`) is broken, another when flat. */
export interface IfBreak {
  readonly kind: "if-break";
  readonly breakContents: Doc;
  readonly flatContents: Doc;
  readonly groupId: symbol | undefined;
}

/** A line break, or when flat a space (`line`), nothing (`softline`); a hard one always breaks. */
export interface Line {
  readonly kind: "line";
  readonly soft: boolean;
  readonly hard: boolean;
  /**
   * A hard line break inside a string literal of raw Nix text, part of the string's value: the
   * line it ends keeps its trailing spaces; inside `"…"` (`verbatim`) the next line also starts at
   * column 0, as written; inside `''…''` (`indented`) it is indented as usual, since Nix strips the
   * common indentation of such a string.
   */
  readonly inString?: "verbatim" | "indented";
}

/** Breaks the enclosing group. */
export interface BreakParent {
  readonly kind: "break-parent";
}

/** A space, or a line break. */
export const line: Line = { kind: "line", soft: false, hard: false };
/** Nothing, or a line break. */
export const softline: Line = { kind: "line", soft: true, hard: false };
/** Always a line break, without breaking the enclosing group by itself. */
export const hardlineWithoutBreakParent: Line = { kind: "line", soft: false, hard: true };
/** Breaks the enclosing group. */
export const breakParent: BreakParent = { kind: "break-parent" };

/** A line break inside a `''…''` string of raw Nix text (see {@link Line.inString}). */
export const hardlineInIndentedString: Doc = [{ kind: "line", soft: false, hard: true, inString: "indented" }, breakParent];

/** A line break inside a `"…"` string of raw Nix text (see {@link Line.inString}). */
export const hardlineInString: Doc = [{ kind: "line", soft: false, hard: true, inString: "verbatim" }, breakParent];
/** Always a line break; the enclosing group breaks. */
export const hardline: Doc = [hardlineWithoutBreakParent, breakParent];

/** What {@link scan} found, as bits: no object per group built. */
const BREAKS = 1;
const FORCED = 2;
/** Something other than text: the content's layout may depend on where it is printed. */
const LAYOUT = 4;

/**
 * Whether `d`, down to the groups inside it, breaks its group (a break parent, or a broken
 * group, anywhere) or holds a line break no layout avoids (`forced`), and whether it holds
 * anything but text. An absorbed last argument (inside `indentIfBreak`) counts: nixfmt's
 * enclosing groups cannot fit a forced set or list on one line wherever it opens.
 */
function scan(d: Doc): number {
  if (typeof d === "string") return 0;
  if (Array.isArray(d)) {
    let found = 0;
    for (const part of d as readonly Doc[]) found |= scan(part);
    return found;
  }
  const node = d as Exclude<Doc, string | readonly Doc[]>;
  switch (node.kind) {
    case "group":
      return LAYOUT | (node.breaks ? BREAKS : 0) | (node.forced ? FORCED : 0);
    case "text-group":
      return 0;
    case "indent":
      return scan(node.contents);
    case "indent-if-break":
      return LAYOUT | scan(node.contents);
    case "if-break": {
      // Forced only when both contents are: the flat one is printed whenever its group fits
      // (the hard line before an absorbed call's closing parenthesis is not forced).
      const broken = scan(node.breakContents);
      const flat = scan(node.flatContents);
      return LAYOUT | ((broken | flat) & ~FORCED) | (broken & flat & FORCED);
    }
    case "line":
      return LAYOUT | (node.hard ? FORCED : 0);
    case "break-parent":
      return LAYOUT | BREAKS | FORCED;
  }
}

/** The text of `d`, a document that is only text (see {@link scan}). */
function textOf(d: Doc): string {
  if (typeof d === "string") return d;
  if (Array.isArray(d)) {
    let text = "";
    for (const part of d as readonly Doc[]) text += textOf(part);
    return text;
  }
  const node = d as TextGroup | Indent;
  return node.kind === "text-group" ? node.text : textOf(node.contents);
}

/** Options of {@link group}. */
export interface GroupOptions {
  readonly id?: symbol;
  readonly shouldBreak?: boolean;
  /** See {@link Group.softLine}. */
  readonly softLine?: boolean;
}

/**
 * A group: `contents` on one line when it fits; a {@link TextGroup} when `contents` is only text.
 */
export function group(contents: Doc, options?: GroupOptions): Group | TextGroup {
  const found = scan(contents);
  const shouldBreak = options?.shouldBreak === true;
  const id = options?.id;
  if ((found & LAYOUT) === 0 && !shouldBreak && id === undefined) return { kind: "text-group", text: textOf(contents) };
  return {
    kind: "group",
    contents,
    id,
    shouldBreak,
    expandedStates: undefined,
    checkedEnds: undefined,
    breaks: shouldBreak || (found & BREAKS) !== 0,
    forced: shouldBreak || (found & FORCED) !== 0,
    softLine: options?.softLine === true,
  };
}

/**
 * The first of `states` that fits on one line, else the last, broken (prettier's
 * `conditionalGroup`). A state with a checked end (`checkedEnds`, same positions) must also fit
 * where its expanded part ends.
 */
export function conditionalGroup(states: readonly Doc[], checkedEnds?: readonly (ExpansionEnd | undefined)[]): Group {
  const contents = states[0]!;
  return {
    kind: "group",
    contents,
    id: undefined,
    shouldBreak: false,
    expandedStates: states,
    checkedEnds,
    breaks: false,
    forced: (scan(contents) & FORCED) !== 0,
    softLine: false,
  };
}

/** `contents` one level deeper after each line break. */
export function indent(contents: Doc): Indent {
  return { kind: "indent", contents, columns: 2 };
}

/** `contents` `columns` deeper after each line break (nixfmt's `offset`). */
export function align(columns: number, contents: Doc): Doc {
  return columns === 0 ? contents : { kind: "indent", contents, columns };
}

/** `contents`, indented when the group `groupId` breaks. */
export function indentIfBreak(contents: Doc, options: { readonly groupId: symbol }): IndentIfBreak {
  return { kind: "indent-if-break", contents, groupId: options.groupId };
}

/** `breakContents` when the enclosing group (or `groupId`) breaks, else `flatContents`. */
export function ifBreak(breakContents: Doc, flatContents: Doc = "", options: { readonly groupId?: symbol } = {}): IfBreak {
  return { kind: "if-break", breakContents, flatContents, groupId: options.groupId };
}

/** `docs` with `separator` between them. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((d, index) => {
    if (index > 0) parts.push(separator);
    parts.push(d);
  });
  return parts;
}

/** Whether `d` contains a line break that no layout can avoid. */
export function forcedBreak(d: Doc): boolean {
  return (scan(d) & FORCED) !== 0;
}

/**
 * `d` with its own lines as spaces and its own soft lines dropped, but not those of the groups
 * inside it (nixfmt's `unexpandSpacing`).
 */
export function unexpandSpacing(d: Doc): Doc {
  if (typeof d === "string") return d;
  if (Array.isArray(d)) return (d as readonly Doc[]).map(unexpandSpacing);
  const node = d as Exclude<Doc, string | readonly Doc[]>;
  if (node.kind === "indent") return { ...node, contents: unexpandSpacing(node.contents) };
  if (node.kind === "line" && !node.hard) return node.soft ? "" : " ";
  return node;
}

/**
 * `d` as it prints on one line: soft lines dropped, lines as spaces, `ifBreak` as its flat
 * content (prettier's `removeLines`). Hard lines and forced groups stay as they are.
 */
export function removeLines(d: Doc): Doc {
  if (typeof d === "string") return d;
  if (Array.isArray(d)) return (d as readonly Doc[]).map(removeLines);
  const node = d as Exclude<Doc, string | readonly Doc[]>;
  switch (node.kind) {
    case "group": {
      if (node.expandedStates === undefined) return group(removeLines(node.contents), node);
      return conditionalGroup(node.expandedStates.map(removeLines));
    }
    case "indent":
      return { ...node, contents: removeLines(node.contents) };
    case "indent-if-break":
      return indentIfBreak(removeLines(node.contents), node);
    case "if-break":
      return removeLines(node.flatContents);
    case "line":
      return node.hard ? node : node.soft ? "" : " ";
    case "break-parent":
    case "text-group":
      return node;
  }
}
