/**
 * A plan is checked before the disk is even read: a malformed plan is a typeflake bug, and
 * refusing it up front means such a bug can never write a file outside the root, write one path
 * twice, or write a file later runs would mistake for hand-written.
 */
import { GENERATED_FILE_ENDINGS, hasGeneratedHeader, isGeneratedKind } from "./header.ts";
import { ancestorDirectories, pathProblem } from "./paths.ts";
import type { FilePlan } from "./plan.ts";
import { type EmitProblem, problems } from "./problems.ts";

/** Every problem with the plan itself; empty when it is safe to act on. */
export function validatePlan(plan: FilePlan): EmitProblem[] {
  const found: EmitProblem[] = [];
  const sourcesByPath = new Map<string, string[]>();
  for (const file of plan.files) {
    const sources = sourcesByPath.get(file.path);
    if (sources) {
      sources.push(file.source);
      continue;
    }
    sourcesByPath.set(file.path, [file.source]);
    const unsafe = pathProblem(file.path);
    if (unsafe) found.push(problems.invalidPath(file.path, unsafe));
    else if (!isGeneratedKind(file.path)) found.push(problems.invalidPath(file.path, `typeflake writes only ${GENERATED_FILE_ENDINGS.join(", ")} files`));
    else if (!hasGeneratedHeader(file.text)) found.push(problems.missingHeader(file.path, file.source));
  }
  for (const [path, sources] of sourcesByPath) {
    if (sources.length > 1) found.push(problems.duplicatePath(path, sources));
    const asDirectory = ancestorDirectories(path).find((directory) => sourcesByPath.has(directory));
    if (asDirectory !== undefined) found.push(problems.pathConflict(asDirectory, path));
  }
  return found;
}
