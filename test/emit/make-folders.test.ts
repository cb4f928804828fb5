/**
 * Folders and their missing parents, made one at a time: what Node's recursive mkdir answers, and
 * an error, not an endless loop, where the file system refuses a folder with ENOENT under a parent
 * that exists (Linux's /proc).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeFolders } from "../../generators/make-folders.ts";

const work = mkdtempSync(join(tmpdir(), "typeflake-folders-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("makeFolders", () => {
  it("makes a folder and its missing parents, and answers the first it made", async () => {
    const path = join(work, "a", "b", "c");
    expect(await makeFolders(path)).toBe(join(work, "a"));
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it("answers undefined for a folder that is there", async () => {
    await makeFolders(join(work, "there"));
    expect(await makeFolders(join(work, "there"))).toBeUndefined();
  });

  it("refuses a path that is a file (EEXIST) or under one (ENOTDIR)", async () => {
    const file = join(work, "file");
    writeFileSync(file, "");
    await expect(makeFolders(file)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(makeFolders(join(file, "below"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  it.runIf(existsSync("/proc/self"))("ends with ENOENT where /proc refuses a folder (Node's recursive mkdir never returns there)", async () => {
    await expect(makeFolders("/proc/typeflake-cannot-be/here")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
