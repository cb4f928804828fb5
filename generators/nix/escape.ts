/**
 * The one place where user text becomes Nix source text: string contents, attribute names,
 * identifiers, paths and number literals. Everything here is checked against the real Nix 2.8
 * lexer by the property tests in `test/nix/roundtrip.property.test.ts`.
 *
 * Every function either returns text that Nix reads back as exactly the given value, or throws a
 * {@link NixPrintError} that says which value, why Nix cannot represent it, and what to do.
 */

/** A value that cannot be written as Nix source. The message names the value, the reason, the fix. */
export class NixPrintError extends Error {
  override readonly name = "NixPrintError";

  constructor(what: string, why: string, fix: string) {
    super(`cannot print ${what} as Nix: ${why}. ${fix}`);
  }
}

/** Keywords that cannot be bare attribute names or variables (`or` only in some positions). */
const KEYWORDS: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "assert",
  "with",
  "let",
  "in",
  "rec",
  "inherit",
  "or",
]);

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;

/** A surrogate half without its partner: such a string has no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that needs no check and, in double quotes, no escape (the common case, tested first). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Show a user value inside an error message without flooding it. */
function quoteForMessage(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

/**
 * Refuse text Nix cannot hold: NUL ends a C string inside Nix, and a lone UTF-16 surrogate has
 * no UTF-8 form, so the file would silently contain U+FFFD instead.
 */
export function checkText(text: string, what: string): void {
  if (PRINTABLE_ASCII.test(text)) return;
  if (text.includes("\0")) {
    throw new NixPrintError(
      `${what} ${quoteForMessage(text)}`,
      "it contains a NUL character, which Nix strings cannot hold",
      "Remove the NUL character (\\u0000) from the value.",
    );
  }
  if (LONE_SURROGATE.test(text)) {
    throw new NixPrintError(
      `${what} ${quoteForMessage(text)}`,
      "it contains a lone UTF-16 surrogate, which has no UTF-8 encoding",
      "Fix the broken Unicode character in the value.",
    );
  }
}

/** Whether `name` can be written bare, as an identifier or attribute name. */
export function isBareName(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

/** A variable reference such as `pkgs` or `nixos-hardware`; anything else is refused. */
export function identifierText(name: string): string {
  if (!isBareName(name)) {
    throw new NixPrintError(
      `the variable name ${quoteForMessage(name)}`,
      KEYWORDS.has(name)
        ? "it is a Nix keyword"
        : "Nix variable names match [a-zA-Z_][a-zA-Z0-9_'-]*",
      "Use a valid identifier, or select the attribute from a set instead.",
    );
  }
  return name;
}

/** What follows a piece of string text: it decides how a trailing `$` or `'` must be written. */
export type NextInString = "interpolation" | "close" | "newline";

/**
 * Text inside a double-quoted string. `${` is written `\${`; a `$` right before an
 * interpolation is written `\$` so that `$${x}` is not read as the literal `$${x}`.
 */
export function escapeDoubleQuoted(text: string, next: NextInString): string {
  checkText(text, "the string");
  if (!/[\\"\n\r\t$]/.test(text)) return text;
  // By code point, so a character outside the BMP is never split into its UTF-16 halves.
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    switch (c) {
      case "\\":
        out += "\\\\";
        break;
      case '"':
        out += '\\"';
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "$":
        out +=
          chars[i + 1] === "{" || (i === chars.length - 1 && next === "interpolation") ? "\\$" : "$";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** An attribute name: bare when it is an identifier and not a keyword, otherwise `"…"`. */
export function attrNameText(name: string): string {
  checkText(name, "the attribute name");
  return isBareName(name) ? name : `"${escapeDoubleQuoted(name, "close")}"`;
}

/**
 * Text of one line piece inside an indented string `''…''` (never contains "\n").
 *
 * In `''` strings only `''` starts an escape: `'''` is two quotes, `''$` a dollar, `''${` a
 * literal `${`, `''\t`/`''\r` a tab/CR (escaped so no raw tab or CR reaches the file). A single
 * `'` right before anything that begins with `'` (an escape or the closing `''`) would merge with
 * it, so that quote is written `''\'`.
 */
export function escapeIndented(text: string, next: NextInString): string {
  checkText(text, "the string");
  // By code point, so a character outside the BMP is never split into its UTF-16 halves.
  const chars = [...text];
  const units: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === "'") {
      let end = i;
      while (chars[end] === "'") end++;
      const run = end - i;
      for (let pair = 0; pair < Math.floor(run / 2); pair++) units.push("'''");
      if (run % 2 === 1) units.push("'");
      i = end;
    } else if (c === "$" && chars[i + 1] === "{") {
      units.push("''${");
      i += 2;
    } else if (c === "$" && i === chars.length - 1 && next === "interpolation") {
      units.push("''$");
      i++;
    } else {
      units.push(c === "\t" ? "''\\t" : c === "\r" ? "''\\r" : c);
      i++;
    }
  }
  return units
    .map((unit, index) => {
      if (unit !== "'") return unit;
      const following = index + 1 < units.length ? units[index + 1]! : next === "close" ? "''" : "";
      return following.startsWith("'") ? "''\\'" : unit;
    })
    .join("");
}

/**
 * Whether text split into lines (each a list of literal pieces and opaque interpolations) reads
 * back exactly when printed as an indented string with every line indented by the same amount.
 *
 * Nix strips the smallest indentation of the lines that have content, so at least one such line
 * must start without spaces; and lines ending in spaces are refused because the printed file
 * must not have trailing whitespace (and Nix drops a spaces-only last line). Tabs and CRs are
 * escaped by {@link escapeIndented}, so they never count as whitespace here.
 */
export function fitsIndentedString<T>(lines: readonly (readonly (string | T)[])[]): boolean {
  let minIndent = Number.POSITIVE_INFINITY;
  // What every line with content starts with: nixfmt strips the whitespace it starts with.
  let common: string | undefined;
  for (const line of lines) {
    const last = line.at(-1);
    if (typeof last === "string" && last.endsWith(" ")) return false;
    const first = line[0];
    if (first === undefined) continue;
    // Only spaces count as Nix indentation (a tab is content: it is escaped as `''\t`).
    const spaces = typeof first === "string" ? first.length - first.replace(/^ +/, "").length : 0;
    const hasContent = line.length > 1 || typeof first !== "string" || spaces < first.length;
    if (!hasContent) continue;
    minIndent = Math.min(minIndent, spaces);
    const head = typeof first === "string" ? first : "";
    common = common === undefined ? head : commonPrefix(common, head);
  }
  // nixfmt takes as indentation all the whitespace the lines share, in Haskell's sense (Util.hs,
  // `commonIndentation`): a no-break space every line starts with would be dropped. Tabs and CRs
  // are escaped, so they are no whitespace there.
  const start = common?.[0];
  if (start !== undefined && start !== "\t" && start !== "\r" && HASKELL_SPACE.test(start)) return false;
  return minIndent === 0 || minIndent === Number.POSITIVE_INFINITY;
}

/** The longest text both `a` and `b` start with. */
function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

/**
 * Haskell's `isSpace`, by which nixfmt tells whitespace: tab to carriage return, and the Unicode
 * space separators (`Zs`: the space, the no-break space, the ideographic space, …).
 */
export const HASKELL_SPACE = /[\t-\r\p{Zs}]/u;

/** Characters Nix allows in a path literal segment. */
const PATH = /^(\.\.?)?(\/[a-zA-Z0-9._+-]+)+$/;

/** A path literal (`./x`, `../x`, `/x`), checked against what the Nix lexer reads as a path. */
export function pathText(path: string): string {
  if (!PATH.test(path)) {
    throw new NixPrintError(
      `the path ${quoteForMessage(path)}`,
      "Nix path literals start with ./, ../ or / and contain only segments of [a-zA-Z0-9._+-] " +
        "separated by single slashes, without a trailing slash",
      "Rename the file or directory, or pass the path as a string instead.",
    );
  }
  return path;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Integer literal text. Negative numbers are Nix negations (`-5`), and the smallest 64-bit
 * integer has no literal at all (its magnitude overflows), so it is written as a subtraction.
 */
export function intText(value: bigint): string {
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new NixPrintError(
      `the integer ${value}`,
      "Nix integers are signed 64-bit (-9223372036854775808 to 9223372036854775807)",
      "Use a smaller number, or a string or float if the exact value is not needed as an integer.",
    );
  }
  return value === INT64_MIN ? `${INT64_MIN + 1n} - 1` : value.toString();
}

/** Whether {@link intText} writes this value as a subtraction rather than a single literal. */
export function isIntSubtraction(value: bigint): boolean {
  return value === INT64_MIN;
}

/** The smallest positive normal double: Nix 2.8 refuses float literals below it ("invalid float"). */
export const MIN_NORMAL_FLOAT = 2.2250738585072014e-308;

/**
 * Float literal text that Nix reads back as exactly `value`, in the form nixfmt prints (it
 * re-renders floats with Haskell's `show`): the shortest round-trip digits, positional when the
 * decimal exponent is 0 to 7 (`0.5`, `1234567.0`), scientific otherwise (`1.0e-2`, `1.0e21`).
 * There is always a `.`, because Nix reads `1e5` as `1` applied to `e5`. Negative zero prints
 * as `0.0`: `-0.0` is `0 - 0.0` in Nix, and Nix cannot tell the two apart.
 */
export function floatText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new NixPrintError(
      `the float ${value}`,
      "Nix has no literal for NaN or infinities",
      "Use a finite number, or a string.",
    );
  }
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < MIN_NORMAL_FLOAT) {
    throw new NixPrintError(
      `the float ${value}`,
      "Nix 2.8 rejects float literals below 2.2250738585072014e-308 (subnormal numbers)",
      "Round the value to 0, or pass it as a string.",
    );
  }
  const literal = magnitude === 0 ? "0.0" : haskellShow(magnitude);
  return value < 0 ? `-${literal}` : literal;
}

/** GHC's `show` for a positive Double (`formatRealFloat FFGeneric`), from the shortest digits. */
function haskellShow(magnitude: number): string {
  const [mantissa = "", exponent = "0"] = magnitude.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  // GHC's exponent counts digits before the point: 0.d1d2… × 10^e.
  const e = Number(exponent) + 1;
  if (e < 0 || e > 7) return `${digits[0]}.${digits.slice(1) || "0"}e${e - 1}`;
  if (e === 0) return `0.${digits}`;
  return `${digits.slice(0, e).padEnd(e, "0")}.${digits.slice(e) || "0"}`;
}

/** A comment as `#` lines: one per line of text, without trailing whitespace. */
export function commentLines(text: string): string[] {
  checkText(text, "the comment");
  return text.split(/\r\n|\r|\n/).map((line) => {
    const trimmed = line.trimEnd();
    return trimmed === "" ? "#" : `# ${trimmed}`;
  });
}
