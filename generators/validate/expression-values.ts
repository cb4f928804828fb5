/**
 * Values inside typeflake's expression helpers that Nix would refuse: `pkg("")`, `pkg("x..y")`,
 * `pkg("a\"b")` (not an attribute path), and `nixPath(…)` that is not a relative Nix path
 * literal. The helpers build plain data without checking, so the check runs on the whole
 * definition, wherever the expression was written.
 */
import { packagePathProblem } from "../../dsl/checks.ts";
import type { NixExpression } from "../../dsl/expressions.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { writtenExpressions } from "./written-expressions.ts";

/** Characters of a Nix path literal (nix's lexer: `[a-zA-Z0-9._\-+]` between slashes). */
const NIX_PATH_LITERAL = /^\.\.?(\/[A-Za-z0-9._+-]+)+$/;

const helperCall = (expression: NixExpression & { kind: "package" }): string =>
  `${expression.set === "unstable" ? "unstablePkg" : "pkg"}(${JSON.stringify(expression.attrPath.join("."))})`;

/** Why one expression's own data is invalid, with its diagnostic code. */
const problemOf = (expression: NixExpression): { code: string; message: string } | undefined => {
  if (expression.kind === "package") {
    const problem = packagePathProblem(expression.attrPath);
    return problem === undefined ? undefined : { code: "invalid-package", message: `${helperCall(expression)}: ${problem}` };
  }
  if (expression.kind === "path" && !NIX_PATH_LITERAL.test(expression.path))
    return {
      code: "invalid-path",
      message: `nixPath(${JSON.stringify(expression.path)}) must be a path relative to the generated Nix file, starting with ./ or ../ and made of letters, digits and ._+- such as "./nginx.conf" (a Nix path literal; absolute paths are outside the fleet and unreadable in a pure flake)`,
    };
  return undefined;
};

/** One diagnostic per expression in `value` that Nix would refuse. */
export const invalidExpressionsIn = (file: string, value: unknown): Diagnostic[] =>
  writtenExpressions(value).flatMap(({ expression, path }) => {
    const problem = problemOf(expression);
    return problem ? [error(problem.code, { file, objectPath: path }, problem.message)] : [];
  });
