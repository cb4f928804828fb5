/**
 * The transaction in one process: a target that cannot be replaced stops the run before anything
 * changes; a failure at any operation (injected through the fault hook) leaves the old state, or
 * the new one once committed, after the next command's recovery; modes and edits are kept.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { chmod, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fileOperationCount } from "../../generators/emit/fault-hook.ts";
import { writeExitCode } from "../../generators/emit/exit-code.ts";
import type { FilePlan } from "../../generators/emit/plan.ts";
import { recoverUnfinishedWrite } from "../../generators/emit/recover.ts";
import { formatWriteReport } from "../../generators/emit/report.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { contents, copyTree } from "./support/fleets.ts";
import { planned, put, read, tempRoot } from "./support/tree.ts";

const old: FilePlan = {
  files: [
    planned("flake.nix", "{ imports = [ ./modules/a.nix ]; }\n"),
    planned("modules/a.nix", "{ a = 1; }\n"),
    planned("hosts/nas/default.nix", "{ nas = 1; }\n"),
    planned("hosts/gone/default.nix", "{ gone = 1; }\n"),
  ],
};
const next: FilePlan = {
  files: [
    planned("flake.nix", "{ imports = [ ./modules/base.nix ]; }\n"),
    planned("modules/base.nix", "{ a = 1; }\n"),
    planned("hosts/nas/default.nix", "{ nas = 2; }\n"),
    planned("hosts/new/default.nix", "{ new = 1; }\n"),
  ],
};
const HAND_WRITTEN = { "hosts/nas/hardware.nix": "{ }\n", "typeflake.config.ts": "export default {};\n" };

async function generated(plan: FilePlan): Promise<{ root: string; tree: Record<string, string> }> {
  const root = await tempRoot("file");
  await put(root, HAND_WRITTEN);
  await writePlan(root, plan);
  return { root, tree: await contents(root) };
}

let before: { root: string; tree: Record<string, string> };
let afterTree: Record<string, string>;
beforeAll(async () => {
  before = await generated(old);
  afterTree = (await generated(next)).tree;
});

afterEach(() => {
  delete process.env["TYPEFLAKE_FAULT_FAIL_OP"];
});

async function copyOfOld(): Promise<string> {
  const root = await tempRoot();
  await copyTree(before.root, root);
  return root;
}

describe("a failure at any file operation", () => {
  it("leaves the old state (reported, nothing written) or, once committed, the new one", async () => {
    const dry = await copyOfOld();
    const start = fileOperationCount();
    await writePlan(dry, next);
    const total = fileOperationCount() - start;
    expect(await contents(dry)).toEqual(afterTree);

    // The last operation releases the lock; when that fails, the process's exit handler removes
    // the lock (and a dead holder's lock is stale anyway), which this in-process test cannot show.
    for (let k = 1; k < total; k += 1) {
      const root = await copyOfOld();
      process.env["TYPEFLAKE_FAULT_FAIL_OP"] = String(fileOperationCount() + k);
      const result = await writePlan(root, next);
      delete process.env["TYPEFLAKE_FAULT_FAIL_OP"];
      if (result.failed.length > 0) {
        expect(await contents(root), `failure at operation ${k} of ${total}: ${result.failed[0]!.message}`).toEqual(before.tree);
        expect(writeExitCode(result)).toBe(2);
        expect(formatWriteReport(result, { color: false })).toMatch(/EIO.*\nNothing was written\.\n$/s);
      }
      expect((await recoverUnfinishedWrite(root)).ok).toBe(true);
      const tree = await contents(root);
      if (JSON.stringify(tree) !== JSON.stringify(before.tree)) expect(tree, `after a failure at operation ${k} of ${total}`).toEqual(afterTree);
    }
  });

  it("leaves a fleet's first run with nothing, not even .typeflake/, when it fails before its commit", async () => {
    const firstRun = async () => {
      const root = await tempRoot("file");
      await put(root, HAND_WRITTEN);
      return root;
    };
    const dry = await firstRun();
    const empty = await contents(dry);
    const start = fileOperationCount();
    await writePlan(dry, next);
    const total = fileOperationCount() - start;
    // The lock is the first step: a failure there (a full disk) had left an empty .typeflake/.
    for (let k = 1; k < total; k += 1) {
      const root = await firstRun();
      process.env["TYPEFLAKE_FAULT_FAIL_OP"] = String(fileOperationCount() + k);
      const result = await writePlan(root, next);
      delete process.env["TYPEFLAKE_FAULT_FAIL_OP"];
      if (result.failed.length > 0) expect(await contents(root), `failure at operation ${k} of ${total}`).toEqual(empty);
    }
  });
});

/** Whether `chattr +i` works here (root on a file system with inode flags). */
function chattrWorks(): boolean {
  try {
    const probe = join(tmpdir(), `typeflake-chattr-probe-${process.pid}`);
    writeFileSync(probe, "");
    try {
      execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
      execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
      return true;
    } finally {
      rmSync(probe, { force: true });
    }
  } catch {
    return false;
  }
}

describe("a target that cannot be replaced", () => {
  // Immutable files need root and a file system with inode flags (ext4, xfs, btrfs).
  it.runIf(chattrWorks())("stops the run before the first change (chattr +i)", async () => {
    const root = await copyOfOld();
    const locked = join(root, "hosts/nas/default.nix");
    execFileSync("chattr", ["+i", locked]);
    try {
      const result = await writePlan(root, next);
      expect(result.failed).toEqual([
        expect.objectContaining({ path: "hosts/nas/default.nix", code: "io-error", message: expect.stringMatching(/cannot be replaced: EPERM.*chattr \+i.*nothing was written/s) }),
      ]);
      expect(writeExitCode(result)).toBe(2);
      expect(await contents(root)).toEqual(before.tree);
    } finally {
      execFileSync("chattr", ["-i", locked]);
    }
  });
});

describe("what the user changed in generated files", () => {
  it("keeps a generated file's mode when its content is replaced", async () => {
    const root = await copyOfOld();
    await chmod(join(root, "hosts/nas/default.nix"), 0o750);
    const result = await writePlan(root, next);
    expect(result.updated).toContain("hosts/nas/default.nix");
    expect((await stat(join(root, "hosts/nas/default.nix"))).mode & 0o777).toBe(0o750);
    expect((await stat(join(root, "hosts/new/default.nix"))).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it("refuses to overwrite an edited generated file, shows the edit and how to keep it; --force discards it", async () => {
    const root = await copyOfOld();
    const edited = `${await read(root, "hosts/nas/default.nix")}# tuned by hand\n`;
    await writeFile(join(root, "hosts/nas/default.nix"), edited);
    const treeBefore = await contents(root);

    const result = await writePlan(root, next);
    expect(result.refused).toEqual([expect.objectContaining({ path: "hosts/nas/default.nix", code: "edited-file" })]);
    expect(writeExitCode(result)).toBe(1);
    expect(await contents(root)).toEqual(treeBefore);
    const report = formatWriteReport(result, { color: false });
    expect(report).toContain("error: hosts/nas/default.nix has been edited since typeflake generated it from hosts/nas/default.nix.ts");
    expect(report).toContain("move it into the TypeScript (hosts/nas/default.nix.ts");
    expect(report).toContain("\n+# tuned by hand\n");
    expect(report).toContain("\n--- a/hosts/nas/default.nix\n+++ b/hosts/nas/default.nix\n");
    expect(report).toMatch(/Nothing was written\.\n$/);

    expect(report).toContain("from what typeflake generates now to what is on disk (the file as typeflake wrote it is not in git)");

    const forced = await writePlan(root, next, { force: true });
    expect(forced.updated).toContain("hosts/nas/default.nix");
    expect(await contents(root)).toEqual(afterTree);
  });
});

describe("an edited file in a git repository", () => {
  it("is shown as exactly the user's edit, from the file as typeflake wrote it (found in git)", async () => {
    const root = await copyOfOld();
    execFileSync("git", ["init", "--quiet", root]);
    execFileSync("git", ["-C", root, "add", "-A"]);
    const path = join(root, "hosts/nas/default.nix");
    await writeFile(path, (await read(root, "hosts/nas/default.nix")).replace("{ nas = 1; }", "{ nas = 1; boot.tmp.cleanOnBoot = true; }"));

    const result = await writePlan(root, next);
    const [edited] = result.refused;
    expect(edited).toMatchObject({ code: "edited-file", message: expect.stringContaining("the edit, from the file as typeflake wrote it to what is on disk") });
    const changed = edited!.detail!.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line));
    // `next` also changes the file (nas = 2); that change is not the user's and is not shown.
    expect(changed).toEqual(["-{ nas = 1; }", "+{ nas = 1; boot.tmp.cleanOnBoot = true; }"]);
  });
});

describe("typeflake's own state, damaged", () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ["a journal that is not JSON", { ".typeflake/txn/journal.json": "{ half" }, /^records an unfinished write but cannot be used \(it is not valid JSON\).*delete .typeflake\/txn\/ and run again/],
    [
      "a journal naming a path outside the root",
      { ".typeflake/txn/journal.json": JSON.stringify({ version: 1, state: "applying", pid: 1, startedAt: "x", directories: [], steps: [{ path: "../victim.nix", before: null, after: null }] }) },
      /cannot be used \(it names an unsafe path/,
    ],
  ])("%s: recovery refuses (exit 2) and changes nothing", async (_, files, message) => {
    const root = await copyOfOld();
    await put(root, files);
    const treeBefore = await contents(root);
    const recovered = await recoverUnfinishedWrite(root);
    expect(recovered).toMatchObject({ ok: false, problem: { code: "unreadable-journal", message: expect.stringMatching(message) } });
    const result = await writePlan(root, next);
    expect(result.failed).toEqual([expect.objectContaining({ code: "unreadable-journal" })]);
    expect(writeExitCode(result)).toBe(2);
    expect(await contents(root)).toEqual(treeBefore);
  });

  it.each<[string, (root: string) => Promise<void>]>([
    ["the lock is a folder", (root) => mkdir(join(root, ".typeflake/lock"))],
    ["the state folder is a file", async (root) => {
      await rm(join(root, ".typeflake"), { recursive: true });
      await writeFile(join(root, ".typeflake"), "not a folder\n");
    }],
  ])("%s: generate reports it as data (exit 2), no stack trace, nothing written", async (_, damage) => {
    const root = await copyOfOld();
    await damage(root);
    const treeBefore = await contents(root);
    const result = await writePlan(root, next);
    expect(result.failed).toEqual([expect.objectContaining({ code: "io-error", message: expect.stringMatching(/^could not be .*: E[A-Z]+\b/) })]);
    expect(formatWriteReport(result, { color: false })).toMatch(/Nothing was written\.\n$/);
    expect(await contents(root)).toEqual(treeBefore);
  });
});
