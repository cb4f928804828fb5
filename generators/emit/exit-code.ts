/**
 * Exit codes shared by `generate`, `generate --check` and `diff`: 0 nothing to do or done,
 * 1 the user has something to fix (drift, a hand-written file in the way), 2 typeflake itself
 * failed (a malformed plan is a typeflake bug; an I/O error is the environment's).
 */
import { ExitCode } from "../command/exit-code.ts";
import { type CheckResult, hasDrift } from "./check.ts";
import { type EmitProblem, isToolProblem } from "./problems.ts";
import type { WriteResult } from "./write.ts";

/** The exit code of `typeflake generate` for its result. */
export function writeExitCode(result: WriteResult): ExitCode {
  return problemsExitCode(result.refused, result.failed) ?? ExitCode.Ok;
}

/** The exit code of `typeflake generate --check` and `typeflake diff` for their result. */
export function checkExitCode(result: CheckResult): ExitCode {
  return problemsExitCode(result.refused, result.failed) ?? (hasDrift(result) ? ExitCode.Invalid : ExitCode.Ok);
}

function problemsExitCode(refused: readonly EmitProblem[], failed: readonly EmitProblem[]): ExitCode | undefined {
  if (failed.length > 0 || refused.some(isToolProblem)) return ExitCode.Failed;
  return refused.length > 0 ? ExitCode.Invalid : undefined;
}
