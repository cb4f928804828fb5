/**
 * The fleet's lock as a copy of the fleet finds it: a lock copied while its holder ran names the
 * folder it was taken in, so a run in the copy takes it over at once instead of waiting for a
 * process that writes elsewhere; in the original folder, the same holder is waited for.
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, LOCK_PATH } from "../../generators/emit/lock.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const fleetFolder = async (): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), "typeflake-lock-"));
  folders.push(folder);
  return folder;
};

describe("the fleet's lock", () => {
  it("is taken over in a copy of the fleet made while its holder ran, and waited for where it was taken", async () => {
    const original = await fleetFolder();
    const copy = await fleetFolder();
    const held = await acquireLock(original);
    if (!held.ok) throw new Error("the first lock was not taken");
    try {
      await mkdir(join(copy, ".typeflake"));
      await copyFile(join(original, LOCK_PATH), join(copy, LOCK_PATH));
      const inOriginal = await acquireLock(original, { timeoutMs: 100 });
      expect(inOriginal).toMatchObject({ ok: false, holder: { pid: process.pid } });
      const inCopy = await acquireLock(copy, { timeoutMs: 100 });
      expect(inCopy.ok).toBe(true);
      if (inCopy.ok) await inCopy.lock.release();
    } finally {
      await held.lock.release();
    }
  });
});
