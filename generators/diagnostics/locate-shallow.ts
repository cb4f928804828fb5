/**
 * Source text the TypeScript parser can take whatever its nesting: the parser recurses once per
 * bracket, so a value nested thousands of levels deep in a host file overflows the JavaScript
 * stack. Diagnostics never point deeper than typeflake's nesting bound (`MAX_NESTING`), so what
 * lies deeper than {@link MAX_BRACKET_DEPTH} brackets is blanked out: every character becomes a
 * space (line breaks stay), so positions and line numbers are unchanged and the brackets still
 * match.
 */

/** Bracket depth kept for the parser: above typeflake's nesting bound, far below the parser's limit. */
export const MAX_BRACKET_DEPTH = 160;

const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);

/**
 * `text` with everything inside brackets nested deeper than `maxDepth` replaced by spaces;
 * `text` itself when it is not that deep. Strings, template literals and comments are skipped
 * (their brackets do not count). One pass, no recursion.
 */
export const shallowSource = (text: string, maxDepth: number = MAX_BRACKET_DEPTH): string => {
  const out: string[] = [];
  let depth = 0;
  let blanked = false;
  /** Brace depths at which an open template literal's `${ … }` returns to the template text. */
  const templates: number[] = [];
  const emit = (piece: string) => {
    out.push(depth > maxDepth ? piece.replace(/[^\n]/g, " ") : piece);
    if (depth > maxDepth) blanked = true;
  };
  let i = 0;
  /** Skip a template literal's text from `i` (after the backtick or the closing `}`) to its end or next `${`. */
  const templateText = () => {
    const start = i;
    while (i < text.length && text[i] !== "`" && !(text[i] === "$" && text[i + 1] === "{")) i += text[i] === "\\" ? 2 : 1;
    if (text[i] === "`") {
      i++;
      emit(text.slice(start, i));
    } else {
      i += 2;
      emit(text.slice(start, i));
      templates.push(depth);
      depth++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      emit(text.slice(start, i));
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      emit(text.slice(start, i));
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
      emit(text.slice(start, i));
    } else if (c === "`") {
      i++;
      emit("`");
      templateText();
    } else if (OPENERS.has(c)) {
      // The opening bracket itself stays when it is the last one kept, so its closer can match it.
      emit(c);
      depth++;
      i++;
    } else if (CLOSERS.has(c)) {
      depth = Math.max(0, depth - 1);
      i++;
      if (c === "}" && templates.at(-1) === depth) {
        templates.pop();
        emit(c);
        templateText();
      } else {
        emit(c);
      }
    } else {
      i++;
      emit(c);
    }
  }
  return blanked ? out.join("") : text;
};
