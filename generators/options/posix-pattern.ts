/**
 * `builtins.match` patterns (POSIX extended, as libstdc++'s std::regex reads them) as JavaScript
 * regular expressions, matched against the whole string. The two dialects differ where it
 * matters for option values: inside a bracket expression a backslash is a literal character in
 * POSIX (`[a-z\-]` takes `\`, so systemd's escaped unit names such as `dev-disk-by\x2dlabel.device`
 * match), and `.` matches a line break too.
 */

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  blank: " \\t",
  digit: "0-9",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
  punct: "!-\\/:-@\\[-`{-~",
};

/** Characters a JavaScript character class would read as syntax; in POSIX they are plain. */
const CLASS_ESCAPES = new Set(["\\", "[", "]"]);

/**
 * The bracket expression opening at `open` in JavaScript syntax, and the index after its `]`;
 * `undefined` when it never closes or names an unknown class.
 */
function bracket(pattern: string, open: number): { readonly source: string; readonly next: number } | undefined {
  let index = open + 1;
  let source = "[";
  if (pattern[index] === "^") {
    source += "^";
    index++;
  }
  // A `]` right after `[` or `[^` is a member, not the end.
  if (pattern[index] === "]") {
    source += "\\]";
    index++;
  }
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === "]") return { source: `${source}]`, next: index + 1 };
    if (char === "[" && pattern[index + 1] === ":") {
      const end = pattern.indexOf(":]", index + 2);
      const members = end === -1 ? undefined : POSIX_CLASSES[pattern.slice(index + 2, end)];
      if (members === undefined) return undefined;
      source += members;
      index = end + 2;
      continue;
    }
    source += CLASS_ESCAPES.has(char) ? `\\${char}` : char;
    index++;
  }
  return undefined;
}

/** The JavaScript source of a POSIX extended pattern, or `undefined` when it does not translate. */
function javascriptSource(pattern: string): string | undefined {
  let source = "";
  for (let index = 0; index < pattern.length; ) {
    const char = pattern[index] as string;
    if (char === "[") {
      const translated = bracket(pattern, index);
      if (!translated) return undefined;
      source += translated.source;
      index = translated.next;
    } else if (char === "\\") {
      source += pattern.slice(index, index + 2);
      index += 2;
    } else {
      source += char === "." ? "[\\s\\S]" : char;
      index++;
    }
  }
  return source;
}

const compiled = new Map<string, RegExp | undefined>();

/**
 * The JavaScript form of a `builtins.match` pattern (matched against the whole string), or
 * `undefined` when it does not translate; then only Nix checks it.
 */
export function matcherOf(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    const source = javascriptSource(pattern);
    let regex: RegExp | undefined;
    try {
      regex = source === undefined ? undefined : new RegExp(`^(?:${source})$`);
    } catch {
      regex = undefined;
    }
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern);
}
