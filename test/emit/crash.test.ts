/**
 * Kill `writePlan` at many points of its transaction (SIGKILL through the fault hook, at exact
 * operation counts, no timing) and check that the next command's recovery leaves exactly the old
 * or the new generation with its manifest, no temporary file, no transaction state, no lock, and
 * every hand-written file as it was. Recovery itself is killed too, and must survive that.
 */
import { access, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPlan, hasDrift } from "../../generators/emit/check.ts";
import { recoverUnfinishedWrite } from "../../generators/emit/recover.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { JOURNAL_PATH, type Journal } from "../../generators/emit/journal.ts";
import { after, before, contents, copyTree, handWritten, putHandWritten } from "./support/fleets.ts";
import { prepareChild, runChild } from "./support/spawn.ts";
import { read, tempRoot } from "./support/tree.ts";

const exists = (path: string): Promise<boolean> => access(path).then(
  () => true,
  () => false,
);

/** The tree of a root holding the hand-written files and `plan` as generated. */
async function generation(plan: typeof before): Promise<{ root: string; tree: Record<string, string> }> {
  const root = await tempRoot("file");
  await putHandWritten(root);
  await writePlan(root, plan);
  return { root, tree: await contents(root) };
}

let old: { root: string; tree: Record<string, string> };
let next: Record<string, string>;
let planFile: string;
let total: number;

beforeAll(async () => {
  await prepareChild();
  old = await generation(before);
  next = (await generation(after)).tree;
  planFile = join(await tempRoot("file"), "plan.json");
  await writeFile(planFile, JSON.stringify(after));
  const dry = await tempRoot();
  await copyTree(old.root, dry);
  const run = runChild(["write", dry, planFile]);
  expect(run.status, run.stderr).toBe(0);
  total = run.output!.operations;
  expect(await contents(dry)).toEqual(next);
});

/** Kill a write of `after` over a copy of the old generation after its `n`-th operation. */
async function killedAt(n: number): Promise<string> {
  const root = await tempRoot();
  await copyTree(old.root, root);
  const run = runChild(["write", root, planFile], { TYPEFLAKE_FAULT_AFTER_OPS: String(n) });
  expect(run.signal, `killed after operation ${n} of ${total}`).toBe("SIGKILL");
  return root;
}

/** Which generation the tree is; fails when it is neither, exactly. */
async function settled(root: string): Promise<"old" | "new"> {
  const tree = await contents(root);
  for (const path of Object.keys(tree)) expect(path, "no temporary file or transaction state remains").not.toMatch(/typeflake-tmp-|^\.typeflake\/(txn|lock)/);
  for (const [path, text] of Object.entries(handWritten)) expect(tree[path], `hand-written ${path}`).toBe(text);
  if (JSON.stringify(tree) === JSON.stringify(old.tree)) return "old";
  expect(tree).toEqual(next);
  return "new";
}

describe("a write killed at any point", () => {
  it("is recovered by the next command to exactly the old or the new generation", async () => {
    expect(total).toBeGreaterThan(200);
    // The first and last few operations (lock, journal; manifest, clean-up, release), and 24
    // spread over staging, commit and renames. Each point costs a process start (about a second).
    const spread = Array.from({ length: 24 }, (_, i) => Math.round(((i + 0.5) * total) / 24));
    const points = [...new Set([1, 2, 3, 5, ...spread, total - 5, total - 3, total - 2, total - 1, total])].sort((a, b) => a - b);
    const outcomes = { old: 0, new: 0 };
    for (const n of points) {
      const root = await killedAt(n);
      const recovered = await recoverUnfinishedWrite(root);
      expect(recovered.ok, `recovery after a kill at ${n}`).toBe(true);
      const state = await settled(root);
      outcomes[state] += 1;
      expect(hasDrift(await checkPlan(root, after)), "--check is clean exactly when the new generation is in place").toBe(state === "old");
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 600_000);

  it("is still recovered when the recovery is killed too", async () => {
    for (const n of [Math.floor(total / 3), total - 8]) {
      const root = await killedAt(n);
      for (const k of [2, 9]) {
        const run = runChild(["recover", root], { TYPEFLAKE_FAULT_AFTER_OPS: String(k) });
        expect(run.signal === "SIGKILL" || run.status === 0, run.stderr).toBe(true);
      }
      expect((await recoverUnfinishedWrite(root)).ok).toBe(true);
      await settled(root);
    }
  });

  it("is undone, not completed, when a staged file did not survive the cut (power loss before its folder was flushed)", async () => {
    // The first kill point past the commit: the journal says applying and new contents are still staged.
    const committed = async (n: number) => {
      const root = await killedAt(n);
      const journal = JSON.parse(await read(root, JOURNAL_PATH).catch(() => "{}")) as Partial<Journal>;
      return { root, journal };
    };
    let low = 1;
    let high = total;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((await committed(middle)).journal.state === "applying") high = middle;
      else low = middle + 1;
    }
    const { root, journal } = await committed(low + 2);
    const staged = [];
    for (const step of journal.steps ?? []) if (step.temp !== undefined && (await exists(join(root, step.temp)))) staged.push(step.temp);
    expect(staged.length, "some renames done, some still to do").toBeGreaterThan(0);
    await rm(join(root, staged.at(-1)!));
    expect(await recoverUnfinishedWrite(root)).toMatchObject({ ok: true, recovery: { outcome: "rolled-back" } });
    expect(await settled(root)).toBe("old");
  }, 120_000);

  it("says which way it went", async () => {
    const early = await killedAt(10);
    const rolledBack = await recoverUnfinishedWrite(early);
    expect(rolledBack).toMatchObject({ ok: true, recovery: { outcome: "rolled-back", paths: expect.arrayContaining(["flake.nix"]) } });
    const late = await killedAt(total - 8);
    const completed = await recoverUnfinishedWrite(late);
    expect(completed).toMatchObject({ ok: true, recovery: { outcome: "completed", interrupted: { pid: expect.any(Number) } } });
  });
});
