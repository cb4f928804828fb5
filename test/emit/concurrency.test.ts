/**
 * Two writers in one fleet with overlapping write phases. The first is frozen mid-transaction
 * (SIGSTOP through the fault hook, at an exact operation, no timing) while the second starts: the
 * second waits for the lock and then writes a complete state of its own, or gives up after its
 * bounded wait with a message naming the holder. Never a mix of both.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { writeExitCode } from "../../generators/emit/exit-code.ts";
import { recoverUnfinishedWrite } from "../../generators/emit/recover.ts";
import { type WriteResult, writePlan } from "../../generators/emit/write.ts";

import { after, before, contents, copyTree, putHandWritten } from "./support/fleets.ts";
import { prepareChild, runChild, startChild } from "./support/spawn.ts";
import { tempRoot } from "./support/tree.ts";

let old: { root: string; tree: Record<string, string> };
let newTree: Record<string, string>;
const plans = { after: "", before: "" };
let total: number;

beforeAll(async () => {
  await prepareChild();
  const generation = async (plan: typeof before) => {
    const root = await tempRoot("file");
    await putHandWritten(root);
    await writePlan(root, plan);
    return { root, tree: await contents(root) };
  };
  old = await generation(before);
  newTree = (await generation(after)).tree;
  const folder = await tempRoot("file");
  plans.after = join(folder, "after.json");
  plans.before = join(folder, "before.json");
  await writeFile(plans.after, JSON.stringify(after));
  await writeFile(plans.before, JSON.stringify(before));
  const dry = await tempRoot("file");
  await copyTree(old.root, dry);
  total = runChild(["write", dry, plans.after]).output!.operations;
});

/** Wait until the process is stopped (state `T` in /proc), as SIGSTOP leaves it. */
async function stopped(pid: number): Promise<void> {
  for (;;) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("T")) return;
    await sleep(20);
  }
}

/** A writer of `after` over the old generation, frozen after 60% of its operations (inside its renames). */
async function frozenWriter() {
  const root = await tempRoot();
  await copyTree(old.root, root);
  const writer = startChild(["write", root, plans.after], { TYPEFLAKE_FAULT_AFTER_OPS: String(Math.round(total * 0.6)), TYPEFLAKE_FAULT_SIGNAL: "SIGSTOP" });
  await stopped(writer.process.pid!);
  return { root, writer };
}

describe("two generates at once", () => {
  it("the second waits for the first, then writes its own complete state", async () => {
    const { root, writer } = await frozenWriter();
    const second = startChild(["write", root, plans.before], { TYPEFLAKE_LOCK_TIMEOUT: "120" });
    while (!second.stderr().includes("waiting for pid")) await sleep(20);
    writer.process.kill("SIGCONT");
    const [first, last] = [await writer.done, await second.done];
    expect(first.status, first.stderr).toBe(0);
    expect(last.status, last.stderr).toBe(0);
    expect(last.stderr).toContain(`waiting for pid ${writer.process.pid}`);
    expect(await contents(root)).toEqual(old.tree); // the second run's sources: `before`, complete
  });

  it("the second gives up after its bounded wait, naming the holder, and changes nothing", async () => {
    const { root, writer } = await frozenWriter();
    const second = runChild(["write", root, plans.before], { TYPEFLAKE_LOCK_TIMEOUT: "0.3" });
    const result = second.output!.result as unknown as WriteResult;
    expect(result.failed).toEqual([
      expect.objectContaining({ path: ".typeflake/lock", code: "fleet-locked", message: expect.stringMatching(new RegExp(`held by another typeflake run \\(pid ${writer.process.pid} on .*, since \\d{4}-.*\\).*TYPEFLAKE_LOCK_TIMEOUT`)) }),
    ]);
    expect(writeExitCode(result)).toBe(2);
    // A read-only command's recovery does not break a live writer's lock either.
    const recovery = await recoverUnfinishedWrite(root, { timeoutMs: 200 });
    expect(recovery).toMatchObject({ ok: false, problem: { code: "fleet-locked" } });

    writer.process.kill("SIGCONT");
    expect((await writer.done).status).toBe(0);
    expect(await contents(root)).toEqual(newTree);
  });
});

