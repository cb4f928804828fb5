/**
 * The proof that the hashes taken after a native esbuild build are those of the bytes it
 * compiled: a file saved while the build ran is never recorded as seen.
 */
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ABSENT } from "../../generators/cache/file-hashes.ts";
import { afterAll, describe, expect, it } from "vitest";
import { contentHash } from "../../generators/emit/manifest.ts";
import { beforeBuild, compiledInputs } from "../../generators/load/compiled-inputs.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFleet)));

/** A folder with `old.ts` (last modified an hour ago) and `recent.ts` (just written). */
const files = async (): Promise<{ old: string; recent: string }> => {
  const root = await writeFleet({ "old.ts": "export const a = 1;\n", "recent.ts": "export const b = 1;\n" });
  folders.push(root);
  const old = join(root, "old.ts");
  const anHourAgo = new Date(Date.now() - 3_600_000);
  await utimes(old, anHourAgo, anHourAgo);
  return { old, recent: join(root, "recent.ts") };
};

describe("compiled inputs", () => {
  it("trusts files last modified before the build and recent ones that hash as they did before it", async () => {
    const { old, recent } = await files();
    const before = beforeBuild([old, recent]);
    expect([...before.recent.keys()]).toEqual([recent]);
    const after = compiledInputs([old, recent], before);
    expect(after.unproven).toEqual([]);
    expect(after.hashes.get(recent)).toBe(contentHash("export const b = 1;\n"));
  });

  it("does not trust a file saved during the build, whether it was old or recent before it", async () => {
    const { old, recent } = await files();
    const before = beforeBuild([old, recent]);
    await writeFile(old, "export const a = 2;\n");
    await writeFile(recent, "export const b = 2;\n");
    expect(compiledInputs([old, recent], before).unproven).toEqual([old, recent]);
  });

  it("does not trust a recent file it had no hash of before the build (a helper new to the run)", async () => {
    const { old, recent } = await files();
    expect(compiledInputs([old, recent], beforeBuild([old])).unproven).toEqual([recent]);
  });

  it("trusts the absence of a file it did not look for before the build only while its folder is older than the build", async () => {
    const { old } = await files();
    const missing = join(old, "..", "lib", "tsconfig.json");
    await mkdir(dirname(missing));
    const before = beforeBuild([old]);
    // The folder was just made: a file could have come and gone in it while the build ran.
    expect(compiledInputs([missing], before).unproven).toEqual([missing]);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(dirname(missing), anHourAgo, anHourAgo);
    const settled = compiledInputs([missing], before);
    expect(settled.unproven).toEqual([]);
    expect(settled.hashes.get(missing)).toBe(ABSENT);
  });

  it("takes the hashes of files handed to esbuild by the plugin as they were read", async () => {
    const { old, recent } = await files();
    const handed = new Map([[recent, "as-read"]]);
    const after = compiledInputs([old, recent], beforeBuild([old]), handed);
    expect(after.unproven).toEqual([]);
    expect(after.hashes.get(recent)).toBe("as-read");
  });
});
