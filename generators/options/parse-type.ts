/**
 * A recursive-descent parser for the type descriptions nixpkgs prints (`lib.types` `description`
 * and `optionDescriptionPhrase`). The grammar, as nixpkgs builds it:
 *
 *   chain     := operand ((" or " | ", or ") operand [" convertible to it"])*
 *   operand   := "(" chain ")" | prefixed | enum | "null" | phrase, then refinements
 *   prefixed  := ("list of " | "attribute set of " | "lazy attribute set of " | "attrs of "
 *                | "open submodule of " | "function that evaluates to a(n) ") operand
 *              | ("non-empty " | "section of an INI file ") "(" chain ")"
 *              | "strings concatenated with " json-string | "string matching the pattern " regex
 *   enum      := "one of " value (", " value)* | "value " value " (singular enum)"
 *   refinement:= ", " known-clause | " (with check: " text ")"
 *
 * Leaf phrases come from `type-phrases.ts` (and the modules' own wordings, `module-phrases.ts`).
 * Anything else, or anything nested deeper than nixpkgs ever nests, falls back to "any Nix value"
 * (`{ kind: "any", unknown }`): a parenthesised group falls back alone, otherwise the whole
 * description does. The fallback is documented in the generated types and listed by the tests.
 */
import type { EnumType, OptionType } from "./option-type.ts";
import { COMMA_CLAUSES, TYPE_PHRASES } from "./type-phrases.ts";

/** Parse one nixpkgs type description. Never throws: unknown text becomes `{ kind: "any", unknown }`. */
export function parseOptionType(description: string): OptionType {
  const cursor = new Cursor(description);
  const type = parseChain(cursor);
  return type && cursor.done ? type : { kind: "any", unknown: description };
}

/** True when `type` (or a part of it) fell back to "any Nix value". */
export const isFallback = (type: OptionType): boolean => type.kind === "any" && type.unknown !== undefined;

/**
 * Deeper than any nixpkgs type nests (a handful of levels). A description nested deeper (from a
 * hand-made options.json) falls back instead of overflowing the stack, which also bounds every
 * later walk over the parsed type.
 */
const MAX_NESTING = 64;

class Cursor {
  position = 0;
  /** Operands open around the position. */
  nesting = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  at(literal: string): boolean {
    return this.text.startsWith(literal, this.position);
  }

  eat(literal: string): boolean {
    if (!this.at(literal)) return false;
    this.position += literal.length;
    return true;
  }

  match(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.position = pattern.lastIndex;
    return match;
  }

  /** Text from the position up to the `)` that closes an already opened parenthesis. */
  untilClosingParenthesis(): string | undefined {
    let depth = 0;
    for (let index = this.position; index < this.text.length; index++) {
      const char = this.text[index];
      if (char === "(") depth++;
      else if (char === ")" && depth-- === 0) {
        const inner = this.text.slice(this.position, index);
        this.position = index;
        return inner;
      }
    }
    return undefined;
  }
}

function parseChain(cursor: Cursor): OptionType | undefined {
  const first = parseOperand(cursor);
  if (!first) return undefined;
  const alternatives: OptionType[] = [first];
  for (;;) {
    const before = cursor.position;
    // nixpkgs writes `X, or Y` when X ends in a clause (`positive integer, meaning >0, or string`).
    if (!cursor.eat(" or ") && !cursor.eat(", or ")) break;
    const next = parseOperand(cursor);
    if (!next) {
      cursor.position = before;
      break;
    }
    if (cursor.eat(" convertible to it")) {
      const target = alternatives.pop() as OptionType;
      alternatives.push({ kind: "either", of: [target, next], coerced: true });
    } else {
      alternatives.push(next);
    }
  }
  if (alternatives.length === 1) return alternatives[0];
  // `null or string or signed integer` is nullOr(either(…)) in nixpkgs; one flat union reads the same.
  const flat = alternatives.flatMap((type) =>
    type.kind === "either" && !type.coerced && type.name === undefined ? type.of : [type],
  );
  return { kind: "either", of: flat };
}

function parseOperand(cursor: Cursor): OptionType | undefined {
  if (cursor.nesting === MAX_NESTING) return undefined;
  cursor.nesting++;
  const type = parseRefinedOperand(cursor);
  cursor.nesting--;
  return type;
}

function parseRefinedOperand(cursor: Cursor): OptionType | undefined {
  const start = cursor.position;
  const type = parseBase(cursor);
  if (!type) {
    cursor.position = start;
    return undefined;
  }
  const checks = parseRefinements(cursor);
  if (checks.length === 0) return type;
  return { ...type, checks: [...(type.checks ?? []), ...checks], name: cursor.text.slice(start, cursor.position) };
}

function parseBase(cursor: Cursor): OptionType | undefined {
  // `(optionally newline-terminated) single-line string` is a phrase, not a group.
  if (cursor.at("(")) return parsePhrase(cursor) ?? parseGroup(cursor);
  return (
    parsePrefixed(cursor) ??
    parseEnum(cursor) ??
    (cursor.match(/null(?![\w-])/y) ? { kind: "null" } : undefined) ??
    parsePhrase(cursor)
  );
}

/** A parenthesised chain; when its content is not understood, the group alone falls back. */
function parseGroup(cursor: Cursor): OptionType | undefined {
  if (!cursor.eat("(")) return undefined;
  const start = cursor.position;
  const inner = parseChain(cursor);
  if (inner && cursor.eat(")")) return inner;
  cursor.position = start;
  const text = cursor.untilClosingParenthesis();
  if (text === undefined || !cursor.eat(")")) return undefined;
  return { kind: "any", unknown: text };
}

function parsePrefixed(cursor: Cursor): OptionType | undefined {
  const start = cursor.position;
  const composite = (build: (of: OptionType) => OptionType): OptionType | undefined => {
    const of = parseOperand(cursor);
    if (of) return build(of);
    cursor.position = start;
    return undefined;
  };
  if (cursor.eat("list of ")) return composite((of) => ({ kind: "list", of }));
  if (cursor.eat("attribute set of ") || cursor.eat("attrs of ")) return composite((of) => ({ kind: "attrs", of }));
  if (cursor.eat("lazy attribute set of ")) return composite((of) => ({ kind: "attrs", of, lazy: true }));
  if (cursor.eat("open submodule of ")) return composite((freeform) => ({ kind: "submodule", freeform }));
  if (cursor.eat("function that evaluates to a(n) ")) return composite((returns) => ({ kind: "function", returns }));
  if (cursor.eat("non-empty ")) {
    const inner = parseGroup(cursor);
    if (inner?.kind === "list") return { ...inner, nonEmpty: true };
  } else if (cursor.eat("section of an INI file ")) {
    const inner = parseGroup(cursor);
    if (inner) return { ...inner, name: cursor.text.slice(start, cursor.position) };
  }
  cursor.position = start;
  const separator = cursor.match(/strings concatenated with ("(?:[^"\\]|\\.)*")/y);
  if (separator) return { kind: "string", separator: JSON.parse(separator[1] as string) as string };
  if (cursor.eat("string matching the pattern ")) return { kind: "string", pattern: scanPattern(cursor) };
  return undefined;
}

/**
 * A regular expression runs to the end of the description, or to the first ` or ` / unmatched
 * `)` outside brackets and groups: nixpkgs does not quote it, so a pattern containing ` or `
 * is cut there (none in nixpkgs does).
 */
function scanPattern(cursor: Cursor): string {
  const { text } = cursor;
  let depth = 0;
  let index = cursor.position;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === "\\") index++;
    else if (char === "[") index = closingBracket(text, index);
    else if (char === "(") depth++;
    else if (char === ")" && depth-- === 0) break;
    else if (depth === 0 && text.startsWith(" or ", index)) break;
  }
  const pattern = text.slice(cursor.position, index);
  cursor.position = index;
  return pattern;
}

/** Index of the `]` closing the bracket expression opened at `open` (POSIX: `[]…]`, `[^]…]`, `[:alpha:]`). */
function closingBracket(text: string, open: number): number {
  let index = open + 1;
  if (text[index] === "^") index++;
  if (text[index] === "]") index++;
  for (; index < text.length; index++) {
    if (text[index] === "[" && text[index + 1] === ":") {
      const end = text.indexOf(":]", index + 2);
      if (end !== -1) index = end + 1;
    } else if (text[index] === "]") return index;
  }
  return text.length - 1;
}

function parseEnum(cursor: Cursor): EnumType | undefined {
  if (cursor.eat("impossible (empty enum)")) return { kind: "enum", values: [] };
  const start = cursor.position;
  if (cursor.eat("value ")) {
    const value = parseEnumValue(cursor);
    if (value !== undefined && cursor.eat(" (singular enum)")) return { kind: "enum", values: [value] };
    cursor.position = start;
    return undefined;
  }
  if (!cursor.eat("one of ")) return undefined;
  const values: (string | number | boolean)[] = [];
  do {
    const value = parseEnumValue(cursor);
    if (value === undefined) {
      cursor.position = start;
      return undefined;
    }
    values.push(value);
  } while (cursor.eat(", "));
  return { kind: "enum", values };
}

/**
 * nixpkgs shows enum strings as `"${v}"` without escaping, so a string ends at the first quote
 * that is followed by a separator (or the end), not at the first quote.
 */
function parseEnumValue(cursor: Cursor): string | number | boolean | undefined {
  const { text } = cursor;
  if (cursor.eat('"')) {
    for (let end = text.indexOf('"', cursor.position); end !== -1; end = text.indexOf('"', end + 1)) {
      if (/^(?:$|, |\)| or | \(singular enum\))/.test(text.slice(end + 1, end + 17))) {
        const value = text.slice(cursor.position, end);
        cursor.position = end + 1;
        return value;
      }
    }
    return undefined;
  }
  const literal = cursor.match(/-?\d+(?:\.\d+)?|true|false/y);
  if (!literal) return undefined;
  return literal[0] === "true" ? true : literal[0] === "false" ? false : Number(literal[0]);
}

function parsePhrase(cursor: Cursor): OptionType | undefined {
  const start = cursor.position;
  for (const entry of TYPE_PHRASES) {
    const match = cursor.match(entry.pattern);
    if (!match) continue;
    const type = entry.type(match);
    if (!type || !endsWord(cursor)) {
      cursor.position = start;
      continue;
    }
    return entry.named ? { ...type, name: match[0] } : type;
  }
  return undefined;
}

/** A phrase must not stop in the middle of a word (`string` is not a prefix of `strings`). */
const endsWord = (cursor: Cursor): boolean => cursor.done || !/[\w-]/.test(cursor.text[cursor.position] ?? "");

function parseRefinements(cursor: Cursor): string[] {
  const checks: string[] = [];
  for (;;) {
    const clause = COMMA_CLAUSES.find((text) => cursor.at(`, ${text}`));
    if (clause !== undefined) {
      cursor.eat(`, ${clause}`);
      checks.push(clause);
      continue;
    }
    const start = cursor.position;
    if (!cursor.eat(" (with check: ")) return checks;
    const text = cursor.untilClosingParenthesis();
    if (text === undefined || !cursor.eat(")")) {
      cursor.position = start;
      return checks;
    }
    checks.push(text);
  }
}
