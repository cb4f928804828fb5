/**
 * Values inside typeflake's expression helpers that Nix would refuse: `pkg("")`, `pkg("x..y")`,
 * `pkg("a\"b")` (not an attribute path), and `nixPath(…)` that is not a relative Nix path
 * literal, and `nixString` parts Nix cannot interpolate into a string (null, a list, a set, an
 * `mk*` wrapper). The helpers build plain data without checking, so the check runs on the whole
 * definition, wherever the expression was written.
 */
import { badPackagePart, isNixKeyword } from "../../dsl/checks.ts";
import { isNixExpression, type NixExpression, type NixValue } from "../../dsl/expressions.ts";
import { describeValue } from "../diagnostics/describe-value.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { writtenExpressions } from "../model/written-expressions.ts";
import { isWrapper } from "../options/defined-values.ts";

/** Characters of a Nix path literal (nix's lexer: `[a-zA-Z0-9._\-+]` between slashes). */
const NIX_PATH_LITERAL = /^\.\.?(\/[A-Za-z0-9._+-]+)+$/;

const NIX_PATH_FORM =
  'a path relative to the generated Nix file, starting with ./ or ../ and made of letters, digits and ._+- such as "./nginx.conf" (a Nix path literal; absolute paths are outside the fleet and unreadable in a pure flake)';

const STRING_PART_FORM =
  'text, a number, true or false, or a value Nix can interpolate into a string (pkg(…), host(…), secret(…).path, nixPath(…), nix`…`), such as nixString`${pkg("curl")}/bin/curl`';

/** Whether Nix can interpolate `part` into a string: not null, a list, a set or an mk* wrapper. */
const interpolatable = (part: NixValue): boolean => {
  if (part === null) return false;
  if (typeof part !== "object") return true;
  return isNixExpression(part) && !isWrapper(part);
};

/** The diagnostic of one expression whose own data is invalid, or undefined. */
const problemOf = (expression: NixExpression, origin: SourceOrigin): Diagnostic | undefined => {
  if (expression.kind === "package") {
    const part = badPackagePart(expression.attrPath);
    return part === undefined
      ? undefined
      : error("invalid-package", origin, { call: describeValue(expression), package: expression.attrPath.join("."), part, keyword: isNixKeyword(part) });
  }
  if (expression.kind === "string") {
    // `"${null}"`, `"${[ 1 ]}"` and `"${lib.mkForce x}"` fail to evaluate: Nix coerces none of them to a string.
    const part = expression.parts.find((candidate) => !interpolatable(candidate));
    return part === undefined ? undefined : error("invalid-expression", origin, { expected: [{ kind: "form", expected: STRING_PART_FORM }], got: describeValue(part) });
  }
  if (expression.kind === "path" && !NIX_PATH_LITERAL.test(expression.path))
    return error("invalid-path", origin, { expected: [{ kind: "form", expected: NIX_PATH_FORM }], got: describeValue(expression) });
  return undefined;
};

/** One diagnostic per expression in `value` that Nix would refuse. */
export const invalidExpressionsIn = (file: string, value: unknown): Diagnostic[] =>
  writtenExpressions(value).flatMap(({ expression, path }) => problemOf(expression, { file, objectPath: path }) ?? []);
