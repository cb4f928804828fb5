/**
 * From file plan to disk: the generated header, the manifest, transactional writes under the
 * fleet's lock (`writePlan`), recovery of an interrupted one (`recoverUnfinishedWrite`, called
 * first by every command), drift detection with diffs (`checkPlan`), their reports and exit codes.
 */
export type { FilePlan, PlannedFile } from "./plan.ts";
export { type CommentStyle, GENERATED_MARKER, generatedHeader, hasGeneratedHeader, renderGeneratedHeader } from "./header.ts";
export { MANIFEST_PATH } from "./manifest.ts";
export type { KeptFile } from "./actions.ts";
export type { EmitProblem, EmitProblemCode } from "./problems.ts";
export { type WriteOptions, type WriteResult, writePlan } from "./write.ts";
export { type CheckResult, type DriftedFile, checkPlan, hasDrift } from "./check.ts";
export { checkExitCode, writeExitCode } from "./exit-code.ts";
export { colorEnabled } from "./color.ts";
export { formatCheckReport, formatRecovery, formatRecoveryFailure, formatWriteReport, type ReportOptions } from "./report.ts";
export { type Recovery, type RecoveryResult, recoverUnfinishedWrite } from "./recover.ts";
export { stateFolderProblem } from "./state-folder.ts";
export { describeHolder, LOCK_PATH, LOCK_TIMEOUT_VARIABLE, type LockHolder } from "./lock.ts";
export { TRANSACTION_DIRECTORY } from "./journal.ts";
