/**
 * A typeflake write in a process of its own, so the crash tests can kill it (through the fault
 * hook's environment variables) and look at what it left:
 *
 *   node child.mjs write <root> <plan.json>   writePlan; prints the result as JSON
 *   node child.mjs recover <root>             recoverUnfinishedWrite; prints it as JSON
 *
 * The last line of stdout is `{"result": …, "operations": N}`. `spawn.ts` bundles and runs it.
 */
import { readFileSync } from "node:fs";
import { fileOperationCount } from "../../../generators/emit/fault-hook.ts";
import type { FilePlan } from "../../../generators/emit/plan.ts";
import { recoverUnfinishedWrite } from "../../../generators/emit/recover.ts";
import { writePlan } from "../../../generators/emit/write.ts";

const [mode, root, planFile] = process.argv.slice(2);
if (root === undefined || (mode === "write" && planFile === undefined)) throw new Error("usage: child.ts write <root> <plan.json> | recover <root>");
const result =
  mode === "write"
    ? await writePlan(root, JSON.parse(readFileSync(planFile!, "utf8")) as FilePlan, {
        onLockWait: (holder) => process.stderr.write(`waiting for pid ${holder.pid}\n`),
      })
    : await recoverUnfinishedWrite(root);
process.stdout.write(`${JSON.stringify({ result, operations: fileOperationCount() })}\n`);
