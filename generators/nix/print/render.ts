/**
 * The line-fitting printer: lays a {@link Doc} out at a width, choosing for each group the
 * first layout that fits (prettier's `printDocToString`, whose decisions it reproduces for the
 * forms in `doc.ts`), with nixfmt's measure of a line:
 * - the width does not count leading indentation (nixfmt's standard.md, "Line length");
 * - a code point is one column, as nixfmt counts, except control characters and combining
 *   marks, which take none.
 * Indentation is counted in columns, two a level; trailing spaces are removed from every line.
 */
import type { Doc, ExpansionEnd, Group, Line, TextGroup } from "./doc.ts";

const BREAK = 0;
const FLAT = 1;
type Mode = typeof BREAK | typeof FLAT;

const SPACE = 0x20;
const ZERO_WIDTH = /[\p{Cc}\p{Mn}\p{Me}]/u;

/** Columns `text` takes. */
function textWidth(text: string): number {
  // Nearly all text is printable ASCII, a column a code unit: counted without a regular expression.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return unicodeWidth(text);
  }
  return text.length;
}

/** Columns of text that is not all printable ASCII. */
function unicodeWidth(text: string): number {
  let width = 0;
  for (const character of text) if (!ZERO_WIDTH.test(character)) width++;
  return width;
}

/** The pending work of the printer: parallel stacks of documents, their indentation and mode. */
interface Stack {
  readonly docs: Doc[];
  readonly indents: number[];
  readonly modes: Mode[];
}

/**
 * Whether `next` laid out in `mode` fits in `width` columns, followed by what is left on
 * `rest` (the printer's stack) up to the first line break. A trailing space does not count.
 * `scratch` is stack space, reused across calls so that measuring allocates nothing.
 */
function fits(next: Doc, mode: Mode, rest: Stack, width: number, groupModes: ReadonlyMap<symbol, Mode>, scratch: Stack): boolean {
  let remaining = width;
  let restIndex = rest.docs.length;
  let pendingSpace = false;
  const { docs, modes } = scratch;
  docs.length = 0;
  modes.length = 0;
  docs.push(next);
  modes.push(mode);
  while (remaining >= 0) {
    if (docs.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      docs.push(rest.docs[restIndex]!);
      modes.push(rest.modes[restIndex]!);
      continue;
    }
    const d = docs.pop()!;
    const m = modes.pop()!;
    if (typeof d === "string") {
      if (d !== "") {
        if (pendingSpace) {
          remaining -= 1;
          pendingSpace = false;
        }
        remaining -= textWidth(d);
      }
      continue;
    }
    if (Array.isArray(d)) {
      const parts = d as readonly Doc[];
      for (let index = parts.length - 1; index >= 0; index--) {
        docs.push(parts[index]!);
        modes.push(m);
      }
      continue;
    }
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "indent":
      case "indent-if-break":
        docs.push(node.contents);
        modes.push(m);
        break;
      case "group": {
        const groupMode = node.breaks ? BREAK : m;
        const states = node.expandedStates;
        docs.push(states !== undefined && groupMode === BREAK ? states.at(-1)! : node.contents);
        modes.push(groupMode);
        break;
      }
      case "if-break": {
        const groupMode = node.groupId === undefined ? m : (groupModes.get(node.groupId) ?? FLAT);
        const contents = groupMode === BREAK ? node.breakContents : node.flatContents;
        if (contents !== "") {
          docs.push(contents);
          modes.push(m);
        }
        break;
      }
      case "text-group":
        if (node.text !== "") {
          if (pendingSpace) {
            remaining -= 1;
            pendingSpace = false;
          }
          remaining -= textWidth(node.text);
        }
        break;
      case "line":
        if (m === BREAK || node.hard) return true;
        if (!node.soft) pendingSpace = true;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/** Where a walk through `next` and then the printer's stack has got to (see {@link firstLineFits}). */
interface Walk {
  readonly docs: Doc[];
  readonly modes: Mode[];
  restIndex: number;
}

/**
 * The next piece of text, line or undecided group of `walk`, in its mode; arrays, indentation and
 * `ifBreak` opened on the way. Undefined at the end of the stack.
 */
function step(walk: Walk, rest: Stack, groupModes: ReadonlyMap<symbol, Mode>): [Doc, Mode] | undefined {
  for (;;) {
    if (walk.docs.length === 0) {
      if (walk.restIndex === 0) return undefined;
      walk.restIndex--;
      walk.docs.push(rest.docs[walk.restIndex]!);
      walk.modes.push(rest.modes[walk.restIndex]!);
    }
    const d = walk.docs.pop()!;
    const m = walk.modes.pop()!;
    if (typeof d === "string") return [d, m];
    if (Array.isArray(d)) {
      const parts = d as readonly Doc[];
      for (let index = parts.length - 1; index >= 0; index--) {
        walk.docs.push(parts[index]!);
        walk.modes.push(m);
      }
      continue;
    }
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "indent":
      case "indent-if-break":
        walk.docs.push(node.contents);
        walk.modes.push(m);
        continue;
      case "if-break": {
        const groupMode = node.groupId === undefined ? m : (groupModes.get(node.groupId) ?? FLAT);
        walk.docs.push(groupMode === BREAK ? node.breakContents : node.flatContents);
        walk.modes.push(m);
        continue;
      }
      case "break-parent":
        continue;
      default:
        return [node, m];
    }
  }
}

/** Columns of `walk` up to its first line break, groups opened (nixfmt's `firstLineWidth`). */
function firstLineWidth(walk: Walk, rest: Stack, groupModes: ReadonlyMap<symbol, Mode>): number {
  let width = 0;
  for (let next = step(walk, rest, groupModes); next !== undefined; next = step(walk, rest, groupModes)) {
    const [d, m] = next;
    if (typeof d === "string") width += textWidth(d);
    else {
      const node = d as Group | TextGroup | Line;
      if (node.kind === "text-group") width += textWidth(node.text);
      else if (node.kind === "line") {
        if (m === BREAK || node.hard) return width;
        if (!node.soft) width += 1;
      } else if (node.softLine && m === BREAK) return width;
      else openGroup(walk, node, BREAK);
    }
  }
  return width;
}

/** Puts the contents of `g` on `walk` in `mode` (a conditional group's last layout when broken). */
function openGroup(walk: Walk, g: Group, mode: Mode): void {
  const states = g.expandedStates;
  walk.docs.push(states !== undefined && mode === BREAK ? states.at(-1)! : g.contents);
  walk.modes.push(mode);
}

/**
 * nixfmt's decision for a soft line (`firstLineFits`): `next` flat, then what follows on `rest`
 * up to its first line break, must fit in `remaining` columns. A group on the way counts whole
 * when it fits flat, with what follows it up to its first line break, in the width left after
 * what was counted from the soft line on (nixfmt measures it from the full `width`, not from the
 * current column); otherwise its own first line counts.
 */
function firstLineFits(next: Doc, rest: Stack, width: number, remaining: number, groupModes: ReadonlyMap<symbol, Mode>): boolean {
  const walk: Walk = { docs: [next], modes: [FLAT], restIndex: rest.docs.length };
  const scratch: Stack = { docs: [], indents: [], modes: [] };
  const noRest: Stack = { docs: [], indents: [], modes: [] };
  let used = 0;
  for (let item = step(walk, rest, groupModes); item !== undefined && used <= remaining; item = step(walk, rest, groupModes)) {
    const [d, m] = item;
    if (typeof d === "string") {
      used += textWidth(d);
      continue;
    }
    const node = d as Group | TextGroup | Line;
    if (node.kind === "text-group") used += textWidth(node.text);
    else if (node.kind === "line") {
      if (m === BREAK || node.hard) break;
      if (!node.soft) used += 1;
    } else if (node.softLine && m === BREAK) break;
    else if (node.breaks || m === BREAK) {
      const after: Walk = { docs: [...walk.docs], modes: [...walk.modes], restIndex: walk.restIndex };
      const budget = width - used - firstLineWidth(after, rest, groupModes);
      const flat = !node.forced && fits(node.contents, FLAT, noRest, budget, groupModes, scratch);
      if (flat) used += flatWidthOf(node.contents, groupModes);
      else openGroup(walk, node, BREAK);
    } else openGroup(walk, node, FLAT);
  }
  return used <= remaining;
}

/** Columns of `d` laid out flat. */
function flatWidthOf(d: Doc, groupModes: ReadonlyMap<symbol, Mode>): number {
  const walk: Walk = { docs: [d], modes: [FLAT], restIndex: 0 };
  const noRest: Stack = { docs: [], indents: [], modes: [] };
  let width = 0;
  for (let item = step(walk, noRest, groupModes); item !== undefined; item = step(walk, noRest, groupModes)) {
    const [part] = item;
    if (typeof part === "string") width += textWidth(part);
    else {
      const node = part as Group | TextGroup | Line;
      if (node.kind === "text-group") width += textWidth(node.text);
      else if (node.kind === "line") width += node.soft ? 0 : 1;
      else openGroup(walk, node, FLAT);
    }
  }
  return width;
}

/** The text of `d` laid out at `width` columns. */
export function printDoc(d: Doc, width: number): string {
  return new LinePrinter(width).print(d);
}

/** The printer's state while it lays one document out. */
class LinePrinter {
  // Finished lines, and the line being printed (from its line break and indentation on): a line
  // is trimmed once, when it ends, and the text joined from lines rather than from every piece.
  private readonly out: string[] = [];
  private current = "";
  /** Where the text of the line being printed begins in `current`, after its line break and indentation. */
  private lineStart = 0;
  private position = 0;
  private shouldRemeasure = false;
  private readonly stack: Stack = { docs: [], indents: [], modes: [] };
  private readonly groupModes = new Map<symbol, Mode>();
  // A line break followed by each indentation in columns, built as indentations are first met.
  private readonly newlines = ["\n"];
  private readonly scratch: Stack = { docs: [], indents: [], modes: [] };
  // While an expansion is printed on trial (`endFits`), the ids of the groups it lays out, so
  // that their modes can be forgotten afterwards.
  private trialGroupIds: symbol[] | undefined;

  constructor(private readonly width: number) {}

  /** The text of `d`. */
  print(d: Doc): string {
    this.push(d, 0, BREAK);
    this.run(0);
    this.out.push(this.current);
    return this.out.join("");
  }

  private push(doc: Doc, indentation: number, mode: Mode): void {
    this.stack.docs.push(doc);
    this.stack.indents.push(indentation);
    this.stack.modes.push(mode);
  }

  /** Whether `next` in `mode`, followed by the rest of the stack, fits in `remaining` columns. */
  private fits(next: Doc, mode: Mode, remaining: number): boolean {
    return fits(next, mode, this.stack, remaining, this.groupModes, this.scratch);
  }

  /** The layout of a group met in `mode` with `position` columns used. */
  private chooseGroup(g: Group, indentation: number, mode: Mode): Mode {
    if (mode === FLAT && !this.shouldRemeasure) {
      const chosen = g.breaks ? BREAK : FLAT;
      this.push(g.contents, indentation, chosen);
      return chosen;
    }
    this.shouldRemeasure = false;
    if (g.softLine) {
      const fitting = !g.breaks && firstLineFits(g.contents, this.stack, this.width, this.width - this.position, this.groupModes);
      this.push(g.contents, indentation, fitting ? FLAT : BREAK);
      return fitting ? FLAT : BREAK;
    }
    if (!g.breaks && this.stateFits(g, g.contents, 0, indentation)) {
      this.pushState(g, g.contents, 0, indentation);
      return FLAT;
    }
    const states = g.expandedStates;
    if (states === undefined) {
      this.push(g.contents, indentation, BREAK);
      return BREAK;
    }
    if (!g.breaks) {
      for (let index = 1; index < states.length - 1; index++) {
        if (this.stateFits(g, states[index]!, index, indentation)) {
          this.pushState(g, states[index]!, index, indentation);
          return FLAT;
        }
      }
    }
    this.push(states.at(-1)!, indentation, BREAK);
    return BREAK;
  }

  /** Whether `state`, the layout of `g` at `index`, fits: its first line, and its end if checked. */
  private stateFits(g: Group, state: Doc, index: number, indentation: number): boolean {
    if (!this.fits(state, FLAT, this.width - this.position)) return false;
    const end = g.checkedEnds?.[index];
    return end === undefined || this.endFits(end, indentation);
  }

  /** Pushes `state`, the layout of `g` at `index` chosen to print. */
  private pushState(g: Group, state: Doc, index: number, indentation: number): void {
    const end = g.checkedEnds?.[index];
    if (end === undefined) this.push(state, indentation, FLAT);
    else this.pushExpansion(end, indentation);
  }

  /**
   * Pushes an expansion with a checked end. Its `after` waits in break mode: the part's groups
   * then measure only its text up to its first possible line break, as nixfmt measures what
   * follows a group (`firstLineWidth`); it was checked to fit, so its groups still print flat.
   */
  private pushExpansion(end: ExpansionEnd, indentation: number): void {
    this.push(end.after, indentation, BREAK);
    this.push(end.part, indentation, FLAT);
    this.push(end.before, indentation, FLAT);
  }

  /**
   * Whether `end.after`, and what follows up to the next line break, fits on the line where
   * `end.part` ends. Unless the width of that line is known, where it ends depends on how the
   * part lays out, so the part is printed on trial, then the printer's state is put back.
   */
  private endFits(end: ExpansionEnd, indentation: number): boolean {
    if (end.lastLineWidth !== undefined) return this.fits(end.after, FLAT, this.width - end.lastLineWidth);
    const saved = { lines: this.out.length, current: this.current, lineStart: this.lineStart, position: this.position, shouldRemeasure: this.shouldRemeasure };
    const outerTrialIds = this.trialGroupIds;
    const trialIds: symbol[] = [];
    this.trialGroupIds = trialIds;
    // `after` waits on the stack, as it will, so that the part's own groups measure it.
    const { docs, indents, modes } = this.stack;
    const base = docs.length + 1;
    this.pushExpansion(end, indentation);
    this.run(base);
    docs.pop();
    indents.pop();
    modes.pop();
    const fitting = this.fits(end.after, FLAT, this.width - this.position);
    this.out.length = saved.lines;
    this.current = saved.current;
    this.lineStart = saved.lineStart;
    this.position = saved.position;
    this.shouldRemeasure = saved.shouldRemeasure;
    for (const id of trialIds) this.groupModes.delete(id);
    this.trialGroupIds = outerTrialIds;
    return fitting;
  }

  /** Prints the documents on the stack until it is down to `base` entries. */
  private run(base: number): void {
    const { docs, indents, modes } = this.stack;
    while (docs.length > base) {
      const doc = docs.pop()!;
      const indentation = indents.pop()!;
      const mode = modes.pop()!;
      if (typeof doc === "string") {
        if (doc !== "") {
          this.current += doc;
          this.position += textWidth(doc);
        }
        continue;
      }
      if (Array.isArray(doc)) {
        const parts = doc as readonly Doc[];
        for (let index = parts.length - 1; index >= 0; index--) this.push(parts[index]!, indentation, mode);
        continue;
      }
      const node = doc as Exclude<Doc, string | readonly Doc[]>;
      switch (node.kind) {
        case "indent":
          this.push(node.contents, indentation + node.columns, mode);
          break;
        case "group": {
          const chosen = this.chooseGroup(node, indentation, mode);
          if (node.id !== undefined) {
            this.groupModes.set(node.id, chosen);
            this.trialGroupIds?.push(node.id);
          }
          break;
        }
        case "text-group":
          // Meeting a group ends any remeasuring, as `chooseGroup` does.
          this.shouldRemeasure = false;
          if (node.text !== "") {
            this.current += node.text;
            this.position += textWidth(node.text);
          }
          break;
        case "if-break":
        case "indent-if-break": {
          const groupMode = node.groupId === undefined ? mode : this.groupModes.get(node.groupId);
          if (node.kind === "if-break") {
            const contents = groupMode === BREAK ? node.breakContents : groupMode === FLAT ? node.flatContents : "";
            if (contents !== "") this.push(contents, indentation, mode);
          } else if (groupMode !== undefined) {
            this.push(node.contents, groupMode === BREAK ? indentation + 2 : indentation, mode);
          }
          break;
        }
        case "line":
          if (mode === FLAT && !node.hard) {
            if (!node.soft) {
              this.current += " ";
              this.position += 1;
            }
            break;
          }
          if (mode === FLAT) this.shouldRemeasure = true;
          // Spaces before a break inside a string are its value; a line of indentation only is not.
          this.out.push(node.inString === "verbatim" || (node.inString === "indented" && this.current.length > this.lineStart) ? this.current : withoutTrailingSpaces(this.current));
          while (this.newlines.length <= indentation) this.newlines.push(`${this.newlines.at(-1)!} `);
          this.current = node.inString === "verbatim" ? "\n" : this.newlines[indentation]!;
          this.lineStart = this.current.length;
          this.position = 0;
          break;
        case "break-parent":
          break;
      }
    }
  }
}

/** `line` without the spaces at its end (a line about to end). */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === SPACE) end--;
  return end === line.length ? line : line.slice(0, end);
}
