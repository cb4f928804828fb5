/**
 * Exit codes shared by `generate`, `generate --check` and `diff`: 0 nothing to do or done,
 * 1 the user has something to fix (drift, a hand-written file in the way), 2 typeflake itself
 * failed (a malformed plan is a typeflake bug; an I/O error is the environment's).
 */
import { type CheckResult, hasDrift } from "./check.ts";
import { type EmitProblem, isToolProblem } from "./problems.ts";
import type { WriteResult } from "./write.ts";

/** A process exit code as typeflake uses them. */
export type ExitCode = 0 | 1 | 2;

/** The exit code of `typeflake generate` for its result. */
export function writeExitCode(result: WriteResult): ExitCode {
  return problemsExitCode(result.refused, result.failed) ?? 0;
}

/** The exit code of `typeflake generate --check` and `typeflake diff` for their result. */
export function checkExitCode(result: CheckResult): ExitCode {
  return problemsExitCode(result.refused, result.failed) ?? (hasDrift(result) ? 1 : 0);
}

function problemsExitCode(refused: readonly EmitProblem[], failed: readonly EmitProblem[]): ExitCode | undefined {
  if (failed.length > 0 || refused.some(isToolProblem)) return 2;
  return refused.length > 0 ? 1 : undefined;
}
