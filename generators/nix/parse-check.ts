/**
 * A syntax check of Nix source, for raw `nix\`…\`` fragments when the real `nix-instantiate` is
 * not on PATH (generation never needs nix). A recursive-descent recognizer of the whole Nix
 * expression grammar (Nix 2.x `parser.y`): literals, strings and indented strings with
 * interpolations, paths, URIs, `<…>` lookups, sets (`rec`, `inherit`, dynamic names), lists,
 * lambdas with formals and `@` patterns, `let … in`, `with`, `assert`, `if … then … else`, every
 * operator with its precedence and associativity, selection with `or`, and `?`.
 *
 * It builds nothing: it answers "is this one expression?" and, when not, where and why. Nesting
 * is bounded (deeper source is refused rather than overflowing the stack). Not checked, as in
 * nix's own parser stage: undefined variables (the fragment's scope is the module's arguments)
 * and duplicate attributes.
 */

/** Where Nix source stops being valid, and why. */
export interface NixSyntaxError {
  /** 1-based line and column of the offending character. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /**
   * Set for valid Nix that cannot be embedded as written: a trailing `#` comment, or a value
   * marker inside string text (see {@link nixSyntaxError}'s options).
   */
  readonly embedding?: "trailing-comment" | "value-in-string";
}

/** Deepest nesting of expressions checked; real fragments stay far below it. */
const MAX_DEPTH = 200;

const KEYWORDS = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"]);

type TokenKind =
  | "id"
  | "int"
  | "float"
  | "path"
  | "uri"
  | "spath"
  | "string-open"
  | "ind-string-open"
  | "interp-open"
  | "op"
  | "eof";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const ID = /[a-zA-Z_][a-zA-Z0-9_'-]*/y;
const FLOAT = /(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?/y;
const INT = /[0-9]+/y;
const PATH = /[a-zA-Z0-9._+-]*(\/[a-zA-Z0-9._+-]+)+\/?/y;
const HPATH = /~(\/[a-zA-Z0-9._+-]+)+\/?/y;
const SPATH = /<[a-zA-Z0-9._+-]+(\/[a-zA-Z0-9._+-]+)*>/y;
const URI = /[a-zA-Z][a-zA-Z0-9+\-.]*:[a-zA-Z0-9%/?:@&=+$,\-_.!~*']+/y;
const OPERATORS = ["...", "->", "||", "&&", "==", "!=", "<=", ">=", "//", "++", "${", "<", ">", "!", "+", "-", "*", "/", "?", ".", ":", ";", ",", "=", "@", "(", ")", "[", "]", "{", "}"];

/** Operators of binary expressions: binding strength and associativity (nix's parser.y). */
const BINARY: Readonly<Record<string, { readonly prec: number; readonly assoc: "left" | "right" | "none" }>> = {
  "->": { prec: 1, assoc: "right" },
  "||": { prec: 2, assoc: "left" },
  "&&": { prec: 3, assoc: "left" },
  "==": { prec: 4, assoc: "none" },
  "!=": { prec: 4, assoc: "none" },
  "<": { prec: 5, assoc: "none" },
  "<=": { prec: 5, assoc: "none" },
  ">": { prec: 5, assoc: "none" },
  ">=": { prec: 5, assoc: "none" },
  "//": { prec: 6, assoc: "right" },
  // 7 is `!`
  "+": { prec: 8, assoc: "left" },
  "-": { prec: 8, assoc: "left" },
  "*": { prec: 9, assoc: "left" },
  "/": { prec: 9, assoc: "left" },
  "++": { prec: 10, assoc: "right" },
};
const NOT_PREC = 7;
const INT64_MAX = 2n ** 63n - 1n;

const describe = (token: Token): string =>
  token.kind === "eof" ? "the end of the fragment" : `'${token.text.length > 20 ? `${token.text.slice(0, 17)}...` : token.text}'`;

/** The recognizer over one source text. */
class Checker {
  private pos = 0;
  private depth = 0;

  /** Offset of the first value marker found in string text, not inside `${ … }`. */
  markerInString: number | undefined;

  constructor(
    private readonly src: string,
    private readonly valueMarker?: string,
  ) {}

  private noteMarker(): void {
    if (this.valueMarker !== undefined && this.markerInString === undefined && this.src.startsWith(this.valueMarker, this.pos))
      this.markerInString = this.pos;
  }

  /** Check the whole source; returns the offset of a `#` comment after the last token, if any. */
  run(): number | undefined {
    this.expr();
    const end = this.pos;
    const rest = this.peek();
    if (rest.kind !== "eof") this.fail(rest, `unexpected ${describe(rest)} after a complete expression`);
    return this.lineCommentIn(end);
  }

  /** The first `#` comment in the trivia from `from` to the end. */
  private lineCommentIn(from: number): number | undefined {
    for (let at = from; at < this.src.length; at++) {
      if (this.src[at] === "#") return at;
      if (this.src[at] === "/" && this.src[at + 1] === "*") at = this.src.indexOf("*/", at + 2) + 1;
    }
    return undefined;
  }

  // ---- lexing ----

  private skipTrivia(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "#") {
        while (this.pos < this.src.length && this.src[this.pos] !== "\n") this.pos++;
      } else if (c === "/" && this.src[this.pos + 1] === "*") {
        const end = this.src.indexOf("*/", this.pos + 2);
        if (end < 0) throw new SyntaxFailure(this.pos, "a /* comment is never closed with */");
        this.pos = end + 2;
      } else return;
    }
  }

  private match(pattern: RegExp, at: number): string | undefined {
    pattern.lastIndex = at;
    return pattern.exec(this.src)?.[0];
  }

  /** The next token, without consuming it. */
  private peek(): Token {
    const saved = this.pos;
    const token = this.next();
    this.pos = saved;
    return token;
  }

  private next(): Token {
    this.skipTrivia();
    const start = this.pos;
    const token = (kind: TokenKind, text: string): Token => {
      this.pos = start + text.length;
      return { kind, text, start, end: this.pos };
    };
    if (start >= this.src.length) return token("eof", "");
    const c = this.src[start]!;
    if (c === '"') return token("string-open", '"');
    if (c === "'" && this.src[start + 1] === "'") return token("ind-string-open", "''");
    const path = this.match(PATH, start) ?? this.match(HPATH, start);
    // `a/b` is a path only without spaces; `a /b` is a division, handled by the operator below.
    if (path !== undefined && !path.endsWith("/")) return token("path", path);
    if (path !== undefined) throw new SyntaxFailure(start + path.length - 1, `the path '${path}' ends with '/', which Nix does not allow`);
    const uri = this.match(URI, start);
    if (uri !== undefined) return token("uri", uri);
    const float = this.match(FLOAT, start);
    if (float !== undefined && /[.eE]/.test(float)) return token("float", float);
    const int = this.match(INT, start);
    if (int !== undefined) {
      if (BigInt(int) > INT64_MAX) throw new SyntaxFailure(start, `the integer ${int} is larger than Nix's 64-bit integers allow`);
      return token("int", int);
    }
    const id = this.match(ID, start);
    if (id !== undefined) return token("id", id);
    const spath = this.match(SPATH, start);
    if (spath !== undefined) return token("spath", spath);
    const op = OPERATORS.find((candidate) => this.src.startsWith(candidate, start));
    if (op !== undefined) return token(op === "${" ? "interp-open" : "op", op);
    throw new SyntaxFailure(start, `unexpected character '${c}'`);
  }

  private fail(token: Token, message: string): never {
    throw new SyntaxFailure(token.start, message);
  }

  private expect(text: string, context: string): Token {
    const token = this.next();
    if (token.text !== text || token.kind === "eof") this.fail(token, `expected '${text}' ${context}, found ${describe(token)}`);
    return token;
  }

  private isOp(token: Token, text: string): boolean {
    return token.kind === "op" && token.text === text;
  }

  // ---- expressions ----

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new SyntaxFailure(at, `the expression is nested more than ${MAX_DEPTH} levels deep`);
  }

  private expr(): void {
    const first = this.peek();
    this.enter(first.start);
    try {
      this.exprInner(first);
    } finally {
      this.depth--;
    }
  }

  private exprInner(first: Token): void {
    if (first.kind === "id") {
      switch (first.text) {
        case "let": {
          this.next();
          if (this.isOp(this.peek(), "{")) {
            // Old-style `let { … }`: a set whose `body` attribute is the value.
            this.bindings("}", this.next().start);
            this.expect("}", "to close let { …");
            return;
          }
          this.bindings("in", first.start);
          this.expect("in", "after the bindings of let");
          this.expr();
          return;
        }
        case "with":
          this.next();
          this.expr();
          this.expect(";", "after the scope of with");
          this.expr();
          return;
        case "assert":
          this.next();
          this.expr();
          this.expect(";", "after the condition of assert");
          this.expr();
          return;
        case "if":
          this.next();
          this.expr();
          this.expect("then", "after the condition of if");
          this.expr();
          this.expect("else", "after the then branch (if needs both then and else)");
          this.expr();
          return;
        default:
          break;
      }
      if (!KEYWORDS.has(first.text)) {
        const saved = this.pos;
        this.next();
        const after = this.peek();
        if (this.isOp(after, ":")) {
          this.next();
          this.expr();
          return;
        }
        if (this.isOp(after, "@")) {
          this.next();
          this.formals();
          this.expect(":", "after a function's argument pattern");
          this.expr();
          return;
        }
        this.pos = saved;
      }
    }
    if (this.isOp(first, "{") && this.tryLambdaPattern()) return;
    this.binary(0);
  }

  /** `{ a, b ? 1, ... }:` or `{ … }@name:` — a lambda, when the braces hold formals. */
  private tryLambdaPattern(): boolean {
    const saved = this.pos;
    const depth = this.depth;
    try {
      this.formals();
    } catch (thrown) {
      if (!(thrown instanceof SyntaxFailure)) throw thrown;
      this.pos = saved;
      this.depth = depth;
      return false;
    }
    const after = this.peek();
    if (this.isOp(after, "@")) {
      this.next();
      const name = this.next();
      if (name.kind !== "id" || KEYWORDS.has(name.text)) this.fail(name, `expected a name after '@', found ${describe(name)}`);
    } else if (!this.isOp(after, ":")) {
      this.pos = saved;
      return false;
    }
    this.expect(":", "after a function's argument pattern");
    this.expr();
    return true;
  }

  /** `{ a, b ? default, ... }` */
  private formals(): void {
    this.expect("{", "to open a function's argument pattern");
    for (let first = true; ; first = false) {
      const token = this.next();
      if (this.isOp(token, "}")) return;
      if (!first && !this.isOp(token, ",")) this.fail(token, `expected ',' or '}' in a function's argument pattern, found ${describe(token)}`);
      const name = first ? token : this.next();
      if (this.isOp(name, "}") && !first) return;
      if (this.isOp(name, "...")) {
        this.expect("}", "after '...' (it must come last)");
        return;
      }
      if (name.kind !== "id" || KEYWORDS.has(name.text)) this.fail(name, `expected an argument name, found ${describe(name)}`);
      if (this.isOp(this.peek(), "?")) {
        this.next();
        this.expr();
      }
    }
  }

  private binary(minPrec: number): void {
    this.unary();
    for (;;) {
      const token = this.peek();
      const op = token.kind === "op" ? BINARY[token.text] : undefined;
      if (op === undefined || op.prec < minPrec) return;
      this.next();
      this.binary(op.assoc === "left" || op.assoc === "none" ? op.prec + 1 : op.prec);
      if (op.assoc === "none") {
        const again = this.peek();
        const same = again.kind === "op" ? BINARY[again.text] : undefined;
        if (same?.prec === op.prec) this.fail(again, `'${again.text}' cannot follow '${token.text}' without parentheses (Nix does not chain comparisons)`);
      }
    }
  }

  private unary(): void {
    const token = this.peek();
    // `!` binds looser than `+`, yet `1 + !x` is accepted: it can only start an operand.
    if (this.isOp(token, "!")) {
      this.next();
      this.enter(token.start);
      this.binary(NOT_PREC);
      this.depth--;
      return;
    }
    if (this.isOp(token, "-")) {
      this.next();
      this.enter(token.start);
      this.unary();
      this.depth--;
      return;
    }
    this.application();
    if (this.isOp(this.peek(), "?")) {
      this.next();
      this.attrPath();
    }
  }

  /** `f a b`: a selection followed by arguments. */
  private application(): void {
    this.select(true);
    while (this.startsTerm(this.peek())) this.select(false);
  }

  private startsTerm(token: Token): boolean {
    switch (token.kind) {
      case "id":
        return !KEYWORDS.has(token.text) || token.text === "rec" || token.text === "let";
      case "int":
      case "float":
      case "path":
      case "uri":
      case "spath":
      case "string-open":
      case "ind-string-open":
        return true;
      case "op":
        return token.text === "(" || token.text === "[" || token.text === "{";
      default:
        return false;
    }
  }

  /** `term.a.b or default` */
  private select(required: boolean): void {
    const token = this.peek();
    if (!this.startsTerm(token)) {
      if (required) this.fail(token, `expected an expression, found ${describe(token)}`);
      return;
    }
    this.term();
    if (this.isOp(this.peek(), ".")) {
      this.next();
      this.attrPath();
      const or = this.peek();
      if (or.kind === "id" && or.text === "or") {
        this.next();
        this.select(true);
      }
    } else if (this.peek().kind === "id" && this.peek().text === "or") {
      // Nix's grammar keeps `x or` (x applied to a variable named `or`) for an old nixpkgs function.
      this.next();
    }
  }

  private term(): void {
    const token = this.next();
    this.enter(token.start);
    try {
      switch (token.kind) {
        case "id":
          if (token.text === "rec" || token.text === "let") {
            this.bindings("}", this.expect("{", `after '${token.text}'`).start);
            this.expect("}", "to close the set");
          }
          return;
        case "int":
        case "float":
        case "path":
        case "uri":
        case "spath":
          return;
        case "string-open":
          this.stringBody();
          return;
        case "ind-string-open":
          this.indentedStringBody();
          return;
        default:
          break;
      }
      if (this.isOp(token, "(")) {
        this.expr();
        this.expect(")", "to close '('");
      } else if (this.isOp(token, "[")) {
        while (!this.isOp(this.peek(), "]")) {
          const item = this.peek();
          if (item.kind === "eof") this.fail(token, "this '[' is never closed with ']'");
          if (!this.startsTerm(item)) this.fail(item, `expected a list item or ']', found ${describe(item)} (list items that are not simple terms need parentheses)`);
          this.select(true);
        }
        this.next();
      } else if (this.isOp(token, "{")) {
        this.bindings("}", token.start);
        this.expect("}", "to close the set");
      } else {
        this.fail(token, `expected an expression, found ${describe(token)}`);
      }
    } finally {
      this.depth--;
    }
  }

  /** Bindings up to (not including) `end`: `a.b = v;`, `inherit a b;`, `inherit (s) a;`. */
  private bindings(end: string, openedAt: number): void {
    for (;;) {
      const token = this.peek();
      if (token.kind === "eof")
        throw new SyntaxFailure(openedAt, end === "in" ? "this 'let' is never followed by 'in'" : "this '{' is never closed with '}'");
      if (token.text === end && (token.kind === "op" || token.kind === "id")) return;
      if (token.kind === "id" && token.text === "inherit") {
        this.next();
        if (this.isOp(this.peek(), "(")) {
          this.next();
          this.expr();
          this.expect(")", "to close 'inherit ('");
        }
        while (!this.isOp(this.peek(), ";")) this.attrName("inherit");
        this.next();
        continue;
      }
      this.attrPath();
      this.expect("=", "after an attribute name");
      this.expr();
      this.expect(";", "after an attribute's value");
    }
  }

  private attrPath(): void {
    this.attrName("path");
    while (this.isOp(this.peek(), ".")) {
      this.next();
      this.attrName("path");
    }
  }

  private attrName(context: "path" | "inherit"): void {
    const token = this.next();
    if (token.kind === "id" && (!KEYWORDS.has(token.text) || token.text === "or")) return;
    if (token.kind === "string-open") {
      this.stringBody();
      return;
    }
    if (token.kind === "interp-open") {
      this.expr();
      this.expect("}", "to close '${'");
      return;
    }
    this.fail(token, context === "inherit" ? `expected a name or ';' in inherit, found ${describe(token)}` : `expected an attribute name, found ${describe(token)}`);
  }

  /** After `"`: text, escapes and `${ … }` up to the closing `"`. */
  private stringBody(): void {
    const open = this.pos - 1;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new SyntaxFailure(open, 'a string "…" is never closed');
      this.noteMarker();
      if (c === "\\") this.pos += 2;
      else if (c === '"') {
        this.pos++;
        return;
      } else if (c === "$" && this.src[this.pos + 1] === "{") {
        this.interpolation();
      } else this.pos++;
    }
  }

  /** After `''`: text, `''` escapes and `${ … }` up to the closing `''`. */
  private indentedStringBody(): void {
    const open = this.pos - 2;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new SyntaxFailure(open, "an indented string ''…'' is never closed");
      this.noteMarker();
      if (c === "'" && this.src[this.pos + 1] === "'") {
        const after = this.src[this.pos + 2];
        if (after === "'" || after === "$") this.pos += 3;
        else if (after === "\\") this.pos += 4;
        else {
          this.pos += 2;
          return;
        }
      } else if (c === "$" && this.src[this.pos + 1] === "{") {
        this.interpolation();
      } else this.pos++;
    }
  }

  private interpolation(): void {
    const open = this.pos;
    this.pos += 2;
    this.expr();
    const close = this.next();
    if (!this.isOp(close, "}")) {
      if (close.kind === "eof") throw new SyntaxFailure(open, "an interpolation '${' is never closed with '}'");
      this.fail(close, `expected '}' to close the interpolation '\${', found ${describe(close)}`);
    }
  }
}

/** 1-based line and column of `offset` in `text`. */
const position = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
};

/** How source will be embedded, for the checks beyond its syntax. */
export interface EmbeddingOptions {
  /** Printed inside a file: a trailing `#` comment would comment out the `;` or `)` after it. */
  readonly embedded?: boolean;
  /** Text standing for an interpolated value: found inside string text, it would be text, not a value. */
  readonly valueMarker?: string;
}

/**
 * The first syntax error of `source` read as one Nix expression, or undefined when it is one;
 * then, with `options`, the first problem of embedding it (see {@link EmbeddingOptions}).
 */
export const nixSyntaxError = (source: string, options: EmbeddingOptions = {}): NixSyntaxError | undefined => {
  try {
    const checker = new Checker(source, options.valueMarker);
    const comment = checker.run();
    if (checker.markerInString !== undefined) {
      return {
        ...position(source, checker.markerInString),
        embedding: "value-in-string",
        message:
          "a value interpolated inside a Nix string is written there as its Nix source text (pkg(\"curl\") as pkgs.curl, a string with its quotes), not as its value; " +
          'wrap it in a Nix interpolation, nix`"\\${${pkg("curl")}}/bin/curl"`, or use nixString`${pkg("curl")}/bin/curl`',
      };
    }
    if (comment === undefined || !options.embedded) return undefined;
    return {
      ...position(source, comment),
      embedding: "trailing-comment",
      message: "it ends with a # comment, which would swallow the ';' or ')' written after the fragment; remove the comment (keep it in the TypeScript) or use /* … */",
    };
  } catch (thrown) {
    if (!(thrown instanceof SyntaxFailure)) throw thrown;
    return { ...position(source, Math.min(thrown.offset, source.length)), message: thrown.message };
  }
};
