/**
 * Where each line break of raw Nix text falls: in code (or a comment), inside a `"…"` string, or
 * inside a `''…''` string. Re-indenting raw text is only safe in code: a line break inside a
 * string is part of its value, so the line after it must keep its exact indentation (`"…"`) or
 * at least its trailing spaces (`''…''`, whose common indentation Nix strips, so shifting every
 * line alike keeps the value).
 */

/** Where a line break of raw Nix text falls. */
export type LineBreakPlace = "code" | "string" | "indented-string";

/** One level of nesting: a string, or the code of a `${ … }` (or `{ … }` inside one). */
type Context = "code" | "string" | "indented-string" | "braces";

/**
 * The place of every `\n` in `text`, in order. Text that does not parse (an unclosed string) is
 * read as far as it goes; the parse check reports it anyway.
 */
export function lineBreakPlaces(text: string): LineBreakPlace[] {
  const places: LineBreakPlace[] = [];
  const stack: Context[] = ["code"];
  let i = 0;
  while (i < text.length) {
    const context = stack.at(-1)!;
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "\n") places.push(context === "string" || context === "indented-string" ? context : "code");
    if (context === "string") {
      if (c === "\\") {
        // An escaped line break is one too.
        if (next === "\n") places.push("string");
        i += 1;
      } else if (c === '"') stack.pop();
      // `$$` is two dollars: the second starts no interpolation.
      else if (c === "$" && next === "$") i += 1;
      else if (c === "$" && next === "{") {
        stack.push("braces");
        i += 1;
      }
    } else if (context === "indented-string") {
      if (c === "'" && next === "'") {
        const escaped = text[i + 2];
        // ''$ and ''' stand for $ and '', ''\x for x: the string goes on.
        if (escaped === "$" || escaped === "'") i += 2;
        else if (escaped === "\\") {
          if (text[i + 3] === "\n") places.push("indented-string");
          i += 3;
        } else {
          stack.pop();
          i += 1;
        }
      } else if (c === "$" && next === "$") i += 1;
      else if (c === "$" && next === "{") {
        stack.push("braces");
        i += 1;
      }
    } else if (c === "#") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      continue;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      for (const char of text.slice(i, end === -1 ? text.length : end)) if (char === "\n") places.push("code");
      i = end === -1 ? text.length : end + 2;
      continue;
    } else if (c === '"') stack.push("string");
    // `''` after a name's letter is part of the name (`x''`), not a string.
    else if (c === "'" && next === "'" && !/[A-Za-z0-9_']/.test(text[i - 1] ?? "")) {
      stack.push("indented-string");
      i += 1;
    } else if (c === "{") stack.push("braces");
    else if (c === "}" && context === "braces") stack.pop();
    i += 1;
  }
  return places;
}
