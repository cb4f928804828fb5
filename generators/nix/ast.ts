/**
 * The Nix abstract syntax tree typeflake emits.
 *
 * Plain, `kind`-tagged data (as prettier's `src/document`): no classes, no methods, so trees can
 * be built by pure functions, compared with deep equality and snapshotted. Every piece of user
 * text stays a plain string inside the tree; escaping and quoting happen in exactly one place,
 * the printer (`escape.ts`), never while building.
 */

/** Any Nix expression. */
export type NixExpr =
  | NixNull
  | NixBool
  | NixInt
  | NixFloat
  | NixString
  | NixPath
  | NixIdent
  | NixSelect
  | NixAttrs
  | NixList
  | NixApply
  | NixLambda
  | NixLet
  | NixWith
  | NixBinary
  | NixNot
  | NixIf
  | NixRaw;

/** `null` */
export interface NixNull {
  readonly kind: "null";
}

/** `true` / `false` */
export interface NixBool {
  readonly kind: "bool";
  readonly value: boolean;
}

/** A signed 64-bit integer. `bigint` so the whole range survives; the printer refuses overflow. */
export interface NixInt {
  readonly kind: "int";
  readonly value: bigint;
}

/** A float. The printer refuses NaN and infinities, which Nix cannot write as literals. */
export interface NixFloat {
  readonly kind: "float";
  readonly value: number;
}

/** One piece of a string: literal text (unescaped) or an interpolated expression `${…}`. */
export type NixStringPart = string | NixExpr;

/**
 * A string. The printer chooses the form: `"…"` when the text is one line, `''…''` (indented
 * string) when it has line breaks, exactly as nixfmt does.
 */
export interface NixString {
  readonly kind: "string";
  readonly parts: readonly NixStringPart[];
}

/** A path literal such as `./hardware.nix` or `../../secrets/secrets.yaml`. */
export interface NixPath {
  readonly kind: "path";
  readonly value: string;
}

/** A variable reference: `pkgs`, `config`, `nixpkgs`. */
export interface NixIdent {
  readonly kind: "ident";
  readonly name: string;
}

/**
 * One element of an attribute path. A string is a static name (quoted by the printer only when
 * Nix requires it); an expression is a dynamic name `${…}`.
 */
export type NixAttrName = string | NixExpr;

/** Attribute selection: `config.sops.secrets."wireguard-key".path`, optionally `or default`. */
export interface NixSelect {
  readonly kind: "select";
  readonly expr: NixExpr;
  readonly path: readonly NixAttrName[];
  readonly orDefault?: NixExpr;
}

/** `name.path = value;` — a path of one or more names. */
export interface NixAssign {
  readonly kind: "assign";
  readonly path: readonly NixAttrName[];
  readonly value: NixExpr;
}

/** `inherit a b;` or, with `from`, `inherit (from) a b;`. */
export interface NixInherit {
  readonly kind: "inherit";
  readonly from?: NixExpr;
  readonly names: readonly string[];
}

/** A binding in an attribute set or `let`, optionally preceded by whole-line `#` comments. */
export type NixBinding = (NixAssign | NixInherit) & { readonly comments?: readonly string[] };

/** `{ … }` or `rec { … }` */
export interface NixAttrs {
  readonly kind: "attrs";
  readonly rec: boolean;
  readonly bindings: readonly NixBinding[];
}

/** An element of a list, optionally preceded by whole-line `#` comments. */
export interface NixListItem {
  readonly value: NixExpr;
  readonly comments?: readonly string[];
}

/** `[ … ]` */
export interface NixList {
  readonly kind: "list";
  readonly items: readonly NixListItem[];
}

/** Function application `fn arg`. Curried calls nest: `f a b` is apply(apply(f, a), b). */
export interface NixApply {
  readonly kind: "apply";
  readonly fn: NixExpr;
  readonly arg: NixExpr;
}

/** One formal of a set pattern: `name` or `name ? default`. */
export interface NixFormal {
  readonly name: string;
  readonly default?: NixExpr;
}

/** A lambda parameter: `x:` or `{ a, b ? 1, ... }:` or `inputs@{ self, ... }:`. */
export type NixParam =
  | { readonly kind: "ident"; readonly name: string }
  | {
      readonly kind: "set";
      readonly formals: readonly NixFormal[];
      readonly ellipsis: boolean;
      /** The `name@` binding of the whole argument set. */
      readonly bind?: string;
    };

/** `param: body` */
export interface NixLambda {
  readonly kind: "lambda";
  readonly param: NixParam;
  readonly body: NixExpr;
}

/** `let … in body` */
export interface NixLet {
  readonly kind: "let";
  readonly bindings: readonly NixBinding[];
  readonly body: NixExpr;
}

/** `with scope; body` */
export interface NixWith {
  readonly kind: "with";
  readonly scope: NixExpr;
  readonly body: NixExpr;
}

/** The binary operators typeflake emits. */
export type NixBinaryOp = "//" | "++" | "+" | "==" | "!=" | "&&" | "||" | "->";

/** `left op right` */
export interface NixBinary {
  readonly kind: "binary";
  readonly op: NixBinaryOp;
  readonly left: NixExpr;
  readonly right: NixExpr;
}

/** `!expr` */
export interface NixNot {
  readonly kind: "not";
  readonly expr: NixExpr;
}

/** `if cond then a else b` */
export interface NixIf {
  readonly kind: "if";
  readonly cond: NixExpr;
  readonly then: NixExpr;
  readonly else: NixExpr;
}

/**
 * Nix source text written by the user through the `nix` escape hatch, printed verbatim (in
 * parentheses where precedence requires). The only node whose text is not escaped: it is code,
 * not data, and the generated file is parsed by `nix-instantiate --parse` in the tests.
 */
export interface NixRaw {
  readonly kind: "raw";
  readonly text: string;
}

/** A whole generated file: leading whole-line comments (the header) and one expression. */
export interface NixFile {
  readonly comments: readonly string[];
  readonly expr: NixExpr;
}
