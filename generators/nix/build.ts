/**
 * One small builder per Nix node kind, so emitters read like the Nix they produce:
 * `attrs([assign(["networking", "hostName"], str("nas"))])`.
 */
import type {
  NixApply,
  NixAssign,
  NixAttrName,
  NixAttrs,
  NixBinaryOp,
  NixBinding,
  NixExpr,
  NixFile,
  NixFormal,
  NixIdent,
  NixInherit,
  NixLambda,
  NixList,
  NixListItem,
  NixParam,
  NixPath,
  NixSelect,
  NixString,
  NixStringPart,
} from "./ast.ts";

export const nul: NixExpr = { kind: "null" };
export const bool = (value: boolean): NixExpr => ({ kind: "bool", value });
export const int = (value: number | bigint): NixExpr => ({ kind: "int", value: BigInt(value) });
export const float = (value: number): NixExpr => ({ kind: "float", value });

/** A string from literal text and interpolated expressions, in order. */
export const str = (...parts: NixStringPart[]): NixString => ({
  kind: "string",
  parts: parts.filter((part) => part !== ""),
});

export const path = (value: string): NixPath => ({ kind: "path", value });
export const id = (name: string): NixIdent => ({ kind: "ident", name });

/** `expr.a.b.c`; `id("config")` may be given as the string `"config"`. */
export const select = (expr: NixExpr | string, ...names: NixAttrName[]): NixSelect => ({
  kind: "select",
  expr: typeof expr === "string" ? id(expr) : expr,
  path: names,
});

/** `expr.a.b or default` */
export const selectOr = (expr: NixExpr, names: NixAttrName[], orDefault: NixExpr): NixSelect => ({
  kind: "select",
  expr,
  path: names,
  orDefault,
});

/** `a.b.c = value;`; a single name may be given as a string. */
export const assign = (
  name: NixAttrName | readonly NixAttrName[],
  value: NixExpr,
  comments?: readonly string[],
): NixBinding => {
  const binding: NixAssign = {
    kind: "assign",
    path: Array.isArray(name) ? name : [name as NixAttrName],
    value,
  };
  return comments?.length ? { ...binding, comments } : binding;
};

/** `inherit a b;` or `inherit (from) a b;` */
export const inherit = (names: readonly string[], from?: NixExpr): NixBinding => {
  const binding: NixInherit = from ? { kind: "inherit", from, names } : { kind: "inherit", names };
  return binding;
};

/** Prefix a binding with whole-line comments. */
export const commented = (comments: readonly string[], binding: NixBinding): NixBinding => ({
  ...binding,
  comments: [...(binding.comments ?? []), ...comments],
});

export const attrs = (bindings: readonly NixBinding[]): NixAttrs => ({
  kind: "attrs",
  rec: false,
  bindings,
});

export const recAttrs = (bindings: readonly NixBinding[]): NixAttrs => ({
  kind: "attrs",
  rec: true,
  bindings,
});

/** `[ … ]` from expressions, or items that carry comments. */
export const list = (items: readonly (NixExpr | NixListItem)[]): NixList => ({
  kind: "list",
  items: items.map((item) => ("kind" in item ? { value: item } : item)),
});

/** `fn a b c`, curried left to right. */
export const apply = (fn: NixExpr, ...args: NixExpr[]): NixExpr =>
  args.reduce<NixExpr>((callee, arg): NixApply => ({ kind: "apply", fn: callee, arg }), fn);

/** `x: body` */
export const lambda = (param: NixParam | string, body: NixExpr): NixLambda => ({
  kind: "lambda",
  param: typeof param === "string" ? { kind: "ident", name: param } : param,
  body,
});

/** `{ a, b ? d, ... }` (with `bind`, `bind@{ … }`); formals given as names or full formals. */
export const setPattern = (
  formals: readonly (string | NixFormal)[],
  options: { ellipsis?: boolean; bind?: string } = {},
): NixParam => {
  const base = {
    kind: "set" as const,
    formals: formals.map((formal) => (typeof formal === "string" ? { name: formal } : formal)),
    ellipsis: options.ellipsis ?? false,
  };
  return options.bind === undefined ? base : { ...base, bind: options.bind };
};

export const letIn = (bindings: readonly NixBinding[], body: NixExpr): NixExpr => ({
  kind: "let",
  bindings,
  body,
});

export const withScope = (scope: NixExpr, body: NixExpr): NixExpr => ({ kind: "with", scope, body });

export const binary = (op: NixBinaryOp, left: NixExpr, right: NixExpr): NixExpr => ({
  kind: "binary",
  op,
  left,
  right,
});

/** `a // b` */
export const update = (left: NixExpr, right: NixExpr): NixExpr => binary("//", left, right);
/** `a ++ b` */
export const concat = (left: NixExpr, right: NixExpr): NixExpr => binary("++", left, right);
/** `a + b` */
export const plus = (left: NixExpr, right: NixExpr): NixExpr => binary("+", left, right);
/** `a == b` */
export const eq = (left: NixExpr, right: NixExpr): NixExpr => binary("==", left, right);

export const not = (expr: NixExpr): NixExpr => ({ kind: "not", expr });

export const ifThenElse = (cond: NixExpr, then: NixExpr, otherwise: NixExpr): NixExpr => ({
  kind: "if",
  cond,
  then,
  else: otherwise,
});

/** Verbatim Nix source from the user's `nix` escape hatch. */
export const raw = (text: string): NixExpr => ({ kind: "raw", text });

export const file = (expr: NixExpr, comments: readonly string[] = []): NixFile => ({
  comments,
  expr,
});
