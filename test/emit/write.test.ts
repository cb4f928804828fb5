import { access, mkdir, readdir, symlink, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { planActions } from "../../generators/emit/actions.ts";
import { applyActions } from "../../generators/emit/apply.ts";
import { TEMP_MARKER } from "../../generators/emit/atomic.ts";
import type { DiskEntry } from "../../generators/emit/disk.ts";
import { writeExitCode } from "../../generators/emit/exit-code.ts";
import { LOCK_PATH } from "../../generators/emit/lock.ts";
import { MANIFEST_PATH } from "../../generators/emit/manifest.ts";
import { formatWriteReport } from "../../generators/emit/report.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { filesUnder, planOf, planned, put, read, snapshot, tempRoot } from "./support/tree.ts";

const fleet = planOf({ "flake.nix": "{ }\n", "hosts/nas/default.nix": "{ nas }\n", "modules/common.nix": "{ common }\n" });

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Push every mtime under `root` into the past, so a rewrite within the same clock tick still shows. */
async function ageTree(root: string): Promise<void> {
  const past = new Date("2001-01-01T00:00:00Z");
  for (const path of await filesUnder(root)) await utimes(join(root, path), past, past);
}

describe("writePlan", () => {
  it("creates every planned file and the manifest", async () => {
    const root = await tempRoot();
    const result = await writePlan(root, fleet);
    expect(result).toEqual({
      created: ["flake.nix", "hosts/nas/default.nix", "modules/common.nix"],
      updated: [],
      unchanged: [],
      removed: [],
      keptModified: [],
      refused: [],
      failed: [],
    });
    expect(await filesUnder(root)).toEqual([MANIFEST_PATH, "flake.nix", "hosts/nas/default.nix", "modules/common.nix"]);
    expect(await read(root, "hosts/nas/default.nix")).toBe(fleet.files[1]!.text);
    expect(writeExitCode(result)).toBe(0);
    expect(formatWriteReport(result, { color: false })).toBe(
      "created: flake.nix\ncreated: hosts/nas/default.nix\ncreated: modules/common.nix\nGenerated files: 3 created, 0 updated, 0 unchanged, 0 removed.\n",
    );
  });

  it("tells beforeCreating the files it will create, and only them, before anything changes", async () => {
    const root = await tempRoot();
    await writePlan(root, fleet);
    const told: (readonly string[])[] = [];
    const grown = planOf({ "flake.nix": "{ }\n", "hosts/nas/default.nix": "{ nas2 }\n", "hosts/web/default.nix": "{ web }\n", "modules/common.nix": "{ common }\n" });
    const result = await writePlan(root, grown, {
      beforeCreating: async (paths) => {
        told.push(paths);
        expect(await filesUnder(root)).not.toContain("hosts/web/default.nix");
      },
    });
    expect(told).toEqual([["hosts/web/default.nix"]]);
    expect(result.created).toEqual(["hosts/web/default.nix"]);
    const unchanged = await writePlan(root, grown, { beforeCreating: async (paths) => void told.push(paths) });
    expect(unchanged.unchanged.length).toBe(4);
    expect(told).toHaveLength(1);
  });

  it("writes nothing when beforeCreating fails, and says so", async () => {
    const root = await tempRoot();
    const result = await writePlan(root, fleet, { beforeCreating: () => Promise.reject(new Error("ENOSPC: no space left on device")) });
    expect(result.created).toEqual([]);
    expect(result.failed.map((problem) => problem.message)).toEqual(["could not be prepared for writing: ENOSPC: no space left on device. Check permissions and free space, then run again."]);
    expect(writeExitCode(result)).toBe(2);
    expect(await filesUnder(root)).toEqual([]);
  });

  it("tells afterApplying what it did while it still holds the fleet's lock, and reports its failure", async () => {
    const root = await tempRoot();
    const seen: { created: readonly string[]; locked: boolean }[] = [];
    const result = await writePlan(root, fleet, {
      afterApplying: async (done) => void seen.push({ created: done.created, locked: await exists(join(root, LOCK_PATH)) }),
    });
    expect(seen).toEqual([{ created: result.created, locked: true }]);
    expect(await exists(join(root, LOCK_PATH))).toBe(false);
    const failing = await writePlan(root, planOf({ "flake.nix": "{ changed }\n" }), { afterApplying: () => Promise.reject(new Error("EACCES: permission denied")) });
    expect(failing.removed.length).toBe(2);
    expect(failing.failed.map((problem) => problem.message)).toEqual(["could not be finished after writing: EACCES: permission denied. Check permissions and free space, then run again."]);
    expect(writeExitCode(failing)).toBe(2);
  });

  it("rewrites only what changed, keeping the mtimes of the rest", async () => {
    const root = await tempRoot();
    await writePlan(root, fleet);
    await ageTree(root);
    const before = await snapshot(root);

    const again = await writePlan(root, fleet);
    expect(again.unchanged).toEqual(["flake.nix", "hosts/nas/default.nix", "modules/common.nix"]);
    expect(again.created.length + again.updated.length).toBe(0);
    expect(await snapshot(root)).toEqual(before);

    const edited = planOf({ "flake.nix": "{ }\n", "hosts/nas/default.nix": "{ nas2 }\n", "modules/common.nix": "{ common }\n" });
    const result = await writePlan(root, edited);
    expect(result.updated).toEqual(["hosts/nas/default.nix"]);
    expect(result.unchanged).toEqual(["flake.nix", "modules/common.nix"]);
    const after = await snapshot(root);
    expect(after["flake.nix"]).toEqual(before["flake.nix"]);
    expect(after["modules/common.nix"]).toEqual(before["modules/common.nix"]);
    expect(after["hosts/nas/default.nix"]).not.toEqual(before["hosts/nas/default.nix"]);
    expect(await read(root, "hosts/nas/default.nix")).toBe(edited.files[1]!.text);
  });

  describe("files it no longer generates", () => {
    it("removes them while unmodified, and the directories they leave empty", async () => {
      const root = await tempRoot();
      await writePlan(root, fleet);
      const result = await writePlan(root, planOf({ "flake.nix": "{ }\n", "modules/common.nix": "{ common }\n" }));
      expect(result.removed).toEqual(["hosts/nas/default.nix"]);
      expect(await filesUnder(root)).toEqual([MANIFEST_PATH, "flake.nix", "modules/common.nix"]);
      expect(await readdir(root)).not.toContain("hosts");
      expect(JSON.parse(await read(root, MANIFEST_PATH)).files).not.toHaveProperty(["hosts/nas/default.nix"]);
    });

    it("keeps a modified one, reports it, and stops tracking it", async () => {
      const root = await tempRoot();
      await writePlan(root, fleet);
      const edited = `${await read(root, "hosts/nas/default.nix")}# tuned by hand\n`;
      await put(root, { "hosts/nas/default.nix": edited, "hosts/nas/host.ts": "export default {};\n" });
      const smaller = planOf({ "flake.nix": "{ }\n", "modules/common.nix": "{ common }\n" });

      const result = await writePlan(root, smaller);
      expect(result.removed).toEqual([]);
      expect(result.keptModified).toEqual([expect.objectContaining({ path: "hosts/nas/default.nix", source: "hosts/nas/default.nix.ts" })]);
      expect(await read(root, "hosts/nas/default.nix")).toBe(edited);
      expect(writeExitCode(result)).toBe(0);
      expect(formatWriteReport(result, { color: false })).toContain("kept: hosts/nas/default.nix was generated from hosts/nas/default.nix.ts");

      const next = await writePlan(root, smaller);
      expect(next.keptModified).toEqual([]);
      expect(await read(root, "hosts/nas/default.nix")).toBe(edited);
    });
  });

  describe("a hand-written file at a planned path", () => {
    it("is refused, naming the file and how to proceed, and nothing at all is written", async () => {
      const root = await tempRoot();
      await writePlan(root, planOf({ "flake.nix": "{ old }\n", "old.nix": "{ }\n" }));
      await put(root, { "hosts/nas/default.nix": "# my own config\n{ }\n" });
      const before = await snapshot(root);

      const result = await writePlan(root, fleet);
      expect(result.refused).toEqual([
        {
          path: "hosts/nas/default.nix",
          code: "hand-written-file",
          message: expect.stringMatching(/without typeflake's "Generated by" header.*Rename or move it.*`--force`/s),
        },
      ]);
      expect([...result.created, ...result.updated, ...result.removed]).toEqual([]);
      expect(await snapshot(root)).toEqual(before);
      expect(writeExitCode(result)).toBe(1);
      const report = formatWriteReport(result, { color: false });
      expect(report).toContain("error: hosts/nas/default.nix exists without typeflake's");
      expect(report).toMatch(/Nothing was written\.\n$/);
    });

    it("is replaced with --force", async () => {
      const root = await tempRoot();
      await put(root, { "hosts/nas/default.nix": "# my own config\n{ }\n" });
      const result = await writePlan(root, fleet, { force: true });
      expect(result.refused).toEqual([]);
      expect(result.updated).toEqual(["hosts/nas/default.nix"]);
      expect(await read(root, "hosts/nas/default.nix")).toBe(fleet.files[1]!.text);
    });
  });

  describe("atomicity", () => {
    it("leaves no temporary files behind", async () => {
      const root = await tempRoot();
      await writePlan(root, fleet);
      await writePlan(root, planOf({ "flake.nix": "{ changed }\n" }));
      expect((await filesUnder(root)).filter((path) => path.includes(TEMP_MARKER))).toEqual([]);
    });

    it("refuses up front when a planned file's directory is a file, changing nothing", async () => {
      const root = await tempRoot();
      await writePlan(root, planOf({ "flake.nix": "{ old }\n" }));
      await put(root, { hosts: "not a directory\n" });
      const before = await snapshot(root);

      const result = await writePlan(root, fleet);
      expect(result.refused).toEqual([
        expect.objectContaining({ path: "hosts/nas/default.nix", code: "parent-not-directory", message: expect.stringContaining("hosts exists and is not a directory") }),
      ]);
      expect(await snapshot(root)).toEqual(before);
    });

    it("rolls back a failure in the middle of staging: previous files intact, no temporaries or new directories", async () => {
      const root = await tempRoot();
      await writePlan(root, planOf({ "flake.nix": "{ old }\n" }));
      await put(root, { zz: "not a directory\n" });
      const before = await snapshot(root);
      // Decide against a disk that looked fine, then let the real disk disagree on the last file,
      // after the others were staged (and `hosts/nas/`, `modules/` created for them).
      const plan = { files: [...fleet.files, planned("zz/new.nix", "{ }\n")] };
      const looksFine = new Map<string, DiskEntry>([MANIFEST_PATH, ...plan.files.map((file) => file.path)].map((path) => [path, { kind: "absent" }]));
      const applied = await applyActions(root, planActions(plan, looksFine, { force: false }));

      expect(applied).toEqual({
        created: [],
        updated: [],
        removed: [],
        failed: [{ path: "zz/new.nix", code: "io-error", message: expect.stringMatching(/^could not be written: E(NOTDIR|EXIST)\b.*Check permissions/) }],
      });
      expect(await snapshot(root)).toEqual(before);
    });

    it("reports an unusable root as data, not an exception", async () => {
      const root = join(await tempRoot(), "missing");
      const result = await writePlan(root, fleet);
      expect(result.failed).toEqual([expect.objectContaining({ code: "io-error", message: expect.stringContaining("ENOENT") })]);
      expect(writeExitCode(result)).toBe(2);
    });
  });

  describe("never outside the root", () => {
    it("refuses a plan path that climbs out, writing nothing anywhere", async () => {
      const parent = await tempRoot();
      const root = join(parent, "fleet");
      await mkdir(root);
      const result = await writePlan(root, { files: [...fleet.files, planned("../escape.nix", "{ }\n")] });
      expect(result.refused).toEqual([expect.objectContaining({ path: "../escape.nix", code: "invalid-path" })]);
      expect(writeExitCode(result)).toBe(2);
      expect(await filesUnder(parent)).toEqual([]);
    });

    it("refuses to write through a symbolic link leading out of the root", async () => {
      const parent = await tempRoot();
      const root = join(parent, "fleet");
      await mkdir(join(parent, "elsewhere"), { recursive: true });
      await mkdir(root);
      await symlink(join(parent, "elsewhere"), join(root, "hosts"));
      const result = await writePlan(root, fleet);
      expect(result.refused).toEqual([expect.objectContaining({ path: "hosts/nas/default.nix", code: "outside-root" })]);
      expect(await readdir(join(parent, "elsewhere"))).toEqual([]);
    });

    it("refuses a manifest that lists a path outside the root", async () => {
      const parent = await tempRoot();
      const root = join(parent, "fleet");
      await put(parent, { "victim.nix": "# Generated by typeflake from x.ts.\n" });
      await mkdir(dirname(join(root, MANIFEST_PATH)), { recursive: true });
      await writeFile(join(root, MANIFEST_PATH), JSON.stringify({ version: 1, files: { "../victim.nix": { sha256: "0".repeat(64), source: "x.ts" } } }));
      const result = await writePlan(root, fleet);
      expect(result.refused).toEqual([expect.objectContaining({ path: MANIFEST_PATH, code: "unreadable-manifest" })]);
      expect(await read(parent, "victim.nix")).toBe("# Generated by typeflake from x.ts.\n");
    });
  });

  it("writes a byte-identical manifest across runs and across roots", async () => {
    const [first, second] = [await tempRoot(), await tempRoot()];
    await writePlan(first, fleet);
    const manifest = await read(first, MANIFEST_PATH);
    await writePlan(second, { files: [...fleet.files].reverse() });
    expect(await read(second, MANIFEST_PATH)).toBe(manifest);
    await writePlan(first, planOf({ "flake.nix": "{ other }\n" }));
    await writePlan(first, fleet);
    expect(await read(first, MANIFEST_PATH)).toBe(manifest);
    expect(manifest).not.toContain(first);
    expect(manifest).toMatchSnapshot();
  });
});
