/**
 * The hash memo: a file whose stat is the one it was hashed with is not read again, and nothing
 * an edit could leave looking the same is trusted. The files are made, then left to settle for
 * longer than the memo's clock slack (a real wait: a file changed within it is never remembered).
 */
import { statSync } from "node:fs";
import { mkdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABSENT, hashFiles } from "../../generators/cache/file-hashes.ts";
import { hashMemoFile, parseHashMemo, readHashMemo, writeHashMemo } from "../../generators/cache/hash-memo-store.ts";
import { checkPlan } from "../../generators/emit/check.ts";
import { contentHash } from "../../generators/emit/manifest.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { CLOCK_SLACK_MS, HashMemo, statKey } from "../../generators/hash-memo.ts";
import { planOf } from "../emit/support/tree.ts";

const folder = join(import.meta.dirname, "../.tmp", `hash-memo-${process.pid}`);
const at = (name: string) => join(folder, name);
const plan = planOf({ "flake.nix": "{ description = \"one\"; }\n", "hosts/a/default.nix": "{ networking.hostName = \"a\"; }\n" });

beforeAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all(["kept", "edited", "replaced", "settled"].map((name) => writeFile(at(name), `${name} v1\n`)));
  await mkdir(join(folder, "fleet"));
  expect((await writePlan(join(folder, "fleet"), plan)).created).toHaveLength(2);
  await new Promise((resolve) => setTimeout(resolve, CLOCK_SLACK_MS + 200));
}, 10_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The memo a run leaves after hashing `paths`. */
const rememberedAfter = (paths: readonly string[]) => {
  const memo = new HashMemo();
  hashFiles(paths, memo);
  return memo.entries();
};

/** `path` rewritten with other bytes of the same size, its modification time put back. */
const editInPlace = async (path: string): Promise<void> => {
  const { atime, mtime, size } = statSync(path);
  const text = await readFile(path, "utf8");
  const edited = text.replace("v1", "v2");
  expect(Buffer.byteLength(edited)).toBe(size);
  await writeFile(path, edited);
  await utimes(path, atime, mtime);
};

describe("the hash memo", () => {
  it("answers for a file whose stat is unchanged, without reading it", () => {
    const memo = new HashMemo({ [at("kept")]: [statKey(statSync(at("kept"))), "not the real hash", 0] });
    expect(hashFiles([at("kept")], memo).get(at("kept"))).toBe("not the real hash");
  });

  it("remembers a file that settled before it was read, and not one changed just now", async () => {
    await writeFile(at("fresh"), "fresh\n");
    const entries = rememberedAfter([at("settled"), at("fresh")]);
    expect(Object.keys(entries)).toEqual([at("settled")]);
    expect(entries[at("settled")]?.[1]).toBe(contentHash("settled v1\n"));
  });

  it("sees an edit that keeps the size and puts the modification time back (the change time moves)", async () => {
    const entries = rememberedAfter([at("edited")]);
    await editInPlace(at("edited"));
    expect(hashFiles([at("edited")], new HashMemo(entries)).get(at("edited"))).toBe(contentHash("edited v2\n"));
  });

  it("sees a file replaced by another (another inode)", async () => {
    const entries = rememberedAfter([at("replaced")]);
    const { atime, mtime } = statSync(at("replaced"));
    await writeFile(at("replacement"), "replaced v2\n");
    await utimes(at("replacement"), atime, mtime);
    await rename(at("replacement"), at("replaced"));
    expect(hashFiles([at("replaced")], new HashMemo(entries)).get(at("replaced"))).toBe(contentHash("replaced v2\n"));
  });

  it("takes a path that leads through a file (ENOTDIR) or to nothing for an absent file", () => {
    const hashes = hashFiles([join(at("kept"), "inside"), at("never made")], new HashMemo());
    expect([...hashes.values()]).toEqual([ABSENT, ABSENT]);
  });

  it("forgets a hash no run looked up for 8 runs, and is stored only when it changed", async () => {
    let memo = new HashMemo({ "/gone": ["stat", "hash", 0] });
    for (let run = 1; run < 8; run++) {
      expect(memo.changed).toBe(true);
      memo = new HashMemo(memo.entries());
      expect(memo.entries()["/gone"]?.[2]).toBe(run + 1 < 8 ? run + 1 : undefined);
    }
    expect(new HashMemo({}).changed).toBe(false);
    const file = hashMemoFile(folder, "/some/fleet");
    const first = new HashMemo();
    hashFiles([at("kept")], first);
    expect(first.changed).toBe(true);
    await writeHashMemo({ memo: first, file });
    expect(parseHashMemo(await readFile(file))).toEqual(first.entries());
    const again = await readHashMemo(file);
    hashFiles([at("kept")], again);
    expect(again.changed).toBe(false);
  });

  it("is empty when its file is cut short or corrupted", async () => {
    const file = hashMemoFile(folder, "/another/fleet");
    await writeHashMemo({ memo: new HashMemo(rememberedAfter([at("kept")])), file });
    const bytes = await readFile(file);
    expect(Object.keys(parseHashMemo(bytes))).toEqual([at("kept")]);
    expect(parseHashMemo(bytes.subarray(0, bytes.length - 3))).toEqual({});
    expect(parseHashMemo(Buffer.from(bytes.toString().replace("kept", "kepT")))).toEqual({});
  });
});

// In this order: the first test needs the generated files as they settled.
describe("writing and checking with the hash memo", () => {
  const root = join(folder, "fleet");
  const host = join(root, "hosts/a/default.nix");

  it("reads, and so reports, a generated file edited since with its size and modification time put back", async () => {
    const memo = new HashMemo();
    expect((await checkPlan(root, plan, memo)).unchanged).toEqual(["flake.nix", "hosts/a/default.nix"]);
    const remembered = memo.entries();
    expect(Object.keys(remembered).sort()).toEqual([join(root, "flake.nix"), host]);
    const text = await readFile(host, "utf8");
    const { atime, mtime } = statSync(host);
    await writeFile(host, text.replace('"a"', '"b"'));
    await utimes(host, atime, mtime);
    const result = await checkPlan(root, plan, new HashMemo(remembered));
    expect(result.refused.map((problem) => [problem.path, problem.code])).toEqual([["hosts/a/default.nix", "edited-file"]]);
    expect(result.refused[0]!.detail).toContain('+{ networking.hostName = "b"; }');
  });

  it("takes a generated file the memo proves current as current, unread", async () => {
    await writeFile(host, "# Generated by typeflake from x.\n{ other bytes altogether }\n");
    const planned = contentHash(plan.files.find((file) => file.path === "hosts/a/default.nix")!.text);
    const memo = new HashMemo({ [host]: [statKey(statSync(host)), planned, 0] });
    expect((await checkPlan(root, plan, memo)).unchanged).toEqual(["flake.nix", "hosts/a/default.nix"]);
    expect((await checkPlan(root, plan)).refused.map((problem) => [problem.path, problem.code])).toEqual([["hosts/a/default.nix", "edited-file"]]);
  });
});
