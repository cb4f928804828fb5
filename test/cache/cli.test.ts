/**
 * The run cache through the real CLI, each command its own process as users run it: a cached run
 * prints exactly what the full run printed (file:line:col, the source line and caret, `--json`),
 * `--no-cache` bypasses it, an edited package is seen by the next process, concurrent runs leave
 * one whole record, another typeflake (a new version, a changed build) does not reuse it, and an
 * edit the hash memo could miss (size and modification time kept) is seen.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { cp, readFile, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nearestCacheFolder } from "../../generators/cache/folder.ts";
import { hashMemoFile, parseHashMemo } from "../../generators/cache/hash-memo-store.ts";
import { parseRecord } from "../../generators/cache/run-record.ts";
import { CLOCK_SLACK_MS } from "../../generators/hash-memo.ts";
import { SOURCE_FOLDERS } from "../../generators/package-info.ts";
import { describeRun, runTypeflake, type TypeflakeRun } from "../cli/support/typeflake-process.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { poisonRecord, recordOf, writeCacheFleet } from "./support/cache-fleet.ts";

const REPOSITORY = join(import.meta.dirname, "../..");

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map(removeFleet)));

/** The cache fleet as a git repository of its own (this one ignores test/.tmp/, and flakes see only what git tracks). */
const fleet = async (): Promise<string> => {
  const root = await writeCacheFleet();
  cleanup.push(root);
  execFileSync("git", ["init", "--quiet", root]);
  return root;
};

const succeeds = (args: readonly string[], root: string): TypeflakeRun => {
  const run = runTypeflake(args, root);
  expect(run.status, describeRun(args, run)).toBe(0);
  return run;
};

describe("typeflake generate with the run cache", () => {
  it("prints the same diagnostics, text and JSON, from the record as from the full run", async () => {
    const root = await fleet();
    succeeds(["generate"], root);
    const full = succeeds(["generate", "--no-cache"], root);
    expect(full.stderr).toMatch(/^typeflake\.config\.ts:11:31 warning secrets\.defaultFile: .*\n {2}11 \| .*defaultFile/m);
    expect(succeeds(["generate"], root).stderr).toBe(full.stderr);
    const json = [succeeds(["generate", "--check", "--json", "--no-cache"], root), succeeds(["generate", "--check", "--json"], root)];
    expect(json[1]!.stdout).toBe(json[0]!.stdout);
    // stdout is the JSON alone; the check's report goes to stderr.
    expect(JSON.parse(json[1]!.stdout)).toMatchObject([{ file: "typeflake.config.ts", line: 11, column: 31, severity: "warning" }]);
    expect(json[1]!.stderr).toContain("Generated files are up to date");
  });

  it("uses the record for --check and diff unless --no-cache says not to", async () => {
    const root = await fleet();
    succeeds(["generate"], root);
    await poisonRecord(root);
    const poisoned = runTypeflake(["generate", "--check"], root);
    expect(poisoned.status, describeRun(["generate", "--check"], poisoned)).toBe(1);
    expect(poisoned.stdout).toContain("+# taken from the record");
    expect(runTypeflake(["diff"], root).stdout).toContain("+# taken from the record");
    succeeds(["generate", "--check", "--no-cache"], root);
    succeeds(["diff", "--no-cache"], root);
  });

  it("sees a package edited in place by the next process", async () => {
    const root = await fleet();
    succeeds(["generate"], root);
    const entry = join(root, "node_modules/greeting/index.js");
    await writeFile(entry, (await readFile(entry, "utf8")).replace("(v1)", "(v2)"));
    const check = runTypeflake(["generate", "--check"], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`+    description = "Welcome (v2) - first title";`);
  });

  it("leaves one whole record after concurrent runs", async () => {
    const root = await fleet();
    const TSX = import.meta.resolve("tsx");
    const started = Array.from({ length: 3 }, () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ["--import", TSX, join(REPOSITORY, "generators/cli/main.ts"), "generate"], { cwd: root, stdio: "ignore" });
        child.on("close", resolve);
      }),
    );
    expect(await Promise.all(started)).toEqual([0, 0, 0]);
    expect(parseRecord(await readFile(recordOf(root)))?.plan.files).toHaveLength(6);
    succeeds(["generate", "--check"], root);
  });

  it("sees edits that keep a file's size and modification time, once the hash memo knows the files", async () => {
    const root = await fleet();
    succeeds(["generate"], root);
    // Files changed within the memo's clock slack are never remembered: let them settle.
    await new Promise((resolve) => setTimeout(resolve, CLOCK_SLACK_MS + 200));
    succeeds(["generate"], root);
    const remembered = Object.keys(parseHashMemo(await readFile(hashMemoFile(nearestCacheFolder(root)!, root))));
    expect(remembered).toEqual(expect.arrayContaining([join(root, "hosts/alpha/host.ts"), join(root, "hosts/beta/default.nix")]));
    await editInPlace(join(root, "hosts/alpha/host.ts"), "10.0.0.1", "10.0.0.9");
    await editInPlace(join(root, "hosts/beta/default.nix"), "Welcome", "Welkome");
    const check = runTypeflake(["generate", "--check"], root);
    expect(check.status, describeRun(["generate", "--check"], check)).toBe(1);
    expect(check.stdout).toContain("+| alpha | 10.0.0.9");
    expect(check.stdout).toMatch(/hosts\/beta\/default\.nix[^\n]*has been edited since typeflake generated it/);
  });
});

/** Replace `from` with `to` (as long) in `path`, then put its access and modification times back. */
const editInPlace = async (path: string, from: string, to: string): Promise<void> => {
  const { atime, mtime } = statSync(path);
  const text = await readFile(path, "utf8");
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
  await utimes(path, atime, mtime);
};

describe("another typeflake", () => {
  /** A copy of typeflake's sources, run from them (through tsx) like a checkout: its own version and build. */
  const copyOfTypeflake = async (): Promise<string> => {
    const copy = await writeFleet({});
    cleanup.push(copy);
    for (const part of ["bin", ...SOURCE_FOLDERS, "package.json"]) await cp(join(REPOSITORY, part), join(copy, part), { recursive: true });
    await symlink(join(REPOSITORY, "node_modules"), join(copy, "node_modules"), "dir");
    return copy;
  };
  const check = (copy: string, root: string) =>
    spawnSync(process.execPath, [join(copy, "bin/typeflake.mjs"), "generate", "--check"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("does not reuse a record made by another version or another build", async () => {
    const [copy, root] = await Promise.all([copyOfTypeflake(), fleet()]);
    succeeds(["generate"], root);
    const generate = spawnSync(process.execPath, [join(copy, "bin/typeflake.mjs"), "generate"], { cwd: root, encoding: "utf8" });
    expect(generate.status, generate.stderr).toBe(0);
    await poisonRecord(root);
    expect(check(copy, root).status, "the same typeflake reuses its record").toBe(1);

    const manifest = join(copy, "package.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace(/"version": "[^"]+"/, `"version": "9.9.9"`));
    expect(check(copy, root).status, "a new version runs the pipeline").toBe(0);

    await poisonRecord(root);
    expect(check(copy, root).status).toBe(1);
    const printer = join(copy, "generators/generate.ts");
    await writeFile(printer, `${await readFile(printer, "utf8")}\n// another build\n`);
    expect(check(copy, root).status, "a changed build runs the pipeline").toBe(0);
  });
});
