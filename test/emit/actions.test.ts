import { describe, expect, it } from "vitest";
import { planActions } from "../../generators/emit/actions.ts";
import type { DiskEntry } from "../../generators/emit/disk.ts";
import { contentHash, MANIFEST_PATH, manifestOf, serializeManifest } from "../../generators/emit/manifest.ts";
import type { FilePlan } from "../../generators/emit/plan.ts";
import { planned } from "./support/tree.ts";

const file = (text: string): DiskEntry => ({ kind: "file", bytes: Buffer.from(text), sha256: contentHash(text), mode: 0o644 });
const absent: DiskEntry = { kind: "absent" };
const flake = planned("flake.nix", "{ }\n", "typeflake.config.ts");
const plan: FilePlan = { files: [flake] };

/** A disk where the manifest is absent unless given, plus the given entries. */
const disk = (entries: Record<string, DiskEntry>) => new Map(Object.entries({ [MANIFEST_PATH]: absent, ...entries }));

describe("planActions", () => {
  it("creates what is absent, updates generated files that differ, leaves identical ones", () => {
    const other = planned("hosts/nas/default.nix", "{ }\n");
    const old = planned("modules/m.nix", "{ old }\n");
    const next = planned("modules/m.nix", "{ new }\n");
    const actions = planActions({ files: [other, next, flake] }, disk({ "flake.nix": file(flake.text), "hosts/nas/default.nix": absent, "modules/m.nix": file(old.text) }), { force: false });
    expect(actions.writes).toEqual([
      { ...other, previous: undefined },
      { ...next, previous: old.text, before: { sha256: contentHash(old.text), mode: 0o644 } },
    ]);
    expect(actions.unchanged).toEqual(["flake.nix"]);
    expect(actions.refused).toEqual([]);
  });

  it("refuses to replace a file without the header, unless forced", () => {
    const entries = disk({ "flake.nix": file("{ hand-written }\n") });
    expect(planActions(plan, entries, { force: false }).refused).toEqual([
      expect.objectContaining({ path: "flake.nix", code: "hand-written-file", message: expect.stringContaining("--force") }),
    ]);
    const forced = planActions(plan, entries, { force: true });
    expect(forced.refused).toEqual([]);
    expect(forced.writes).toEqual([{ ...flake, previous: "{ hand-written }\n", before: { sha256: contentHash("{ hand-written }\n"), mode: 0o644 } }]);
  });

  describe("a generated file edited since typeflake wrote it", () => {
    const written = planned("flake.nix", "{ old }\n", "typeflake.config.ts");
    const manifest = file(serializeManifest(manifestOf({ files: [written] })));
    const edited = `${written.text}# tuned by hand\n`;

    it("is refused with the user's change as a diff and how to keep it", () => {
      const [refusal, ...rest] = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(edited) }), { force: false }).refused;
      expect(rest).toEqual([]);
      expect(refusal).toMatchObject({ path: "flake.nix", code: "edited-file" });
      expect(refusal!.message).toMatch(/edited since typeflake generated it from typeflake.config.ts.*move it into the TypeScript.*hand-written .nix file.*`--force`/s);
      expect(refusal!.detail).toContain("+# tuned by hand");
    });

    it("is replaced with --force, and one still as written is replaced without it", () => {
      expect(planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(edited) }), { force: true }).writes).toHaveLength(1);
      const asWritten = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(written.text) }), { force: false });
      expect(asWritten.refused).toEqual([]);
      expect(asWritten.writes.map((write) => write.path)).toEqual(["flake.nix"]);
    });

    it("keeps the replaced file's mode", () => {
      const entry: DiskEntry = { kind: "file", bytes: Buffer.from(written.text), sha256: contentHash(written.text), mode: 0o755 };
      const actions = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": entry }), { force: false });
      expect(actions.writes[0]!.before).toEqual({ sha256: contentHash(written.text), mode: 0o755 });
    });
  });

  it("removes orphans (typeflake's header, in no manifest, not planned) and leaves other unrecorded files", () => {
    const orphan = planned("hosts/ghost/default.nix", "{ }\n", "hosts/ghost/host.ts");
    const unrecorded = new Map<string, DiskEntry>([
      [orphan.path, file(orphan.text)],
      ["hosts/nas/hardware.nix", file("{ hand-written }\n")],
    ]);
    const actions = planActions(plan, disk({ "flake.nix": file(flake.text) }), { force: false }, unrecorded);
    expect(actions.removals).toEqual([{ path: orphan.path, source: "hosts/ghost/host.ts", text: orphan.text, sha256: contentHash(orphan.text), reason: "orphaned" }]);
  });

  it.each<[DiskEntry, string]>([
    [{ kind: "not-a-file", what: "a directory" }, "not-a-regular-file"],
    [{ kind: "parent-not-directory", parent: "hosts" }, "parent-not-directory"],
    [{ kind: "outside-root", link: "hosts" }, "outside-root"],
  ])("refuses a path occupied by %j even when forced", (entry, code) => {
    expect(planActions(plan, disk({ "flake.nix": entry }), { force: true }).refused).toEqual([expect.objectContaining({ path: "flake.nix", code })]);
  });

  describe("files generated earlier and no longer planned", () => {
    const gone = planned("hosts/old/default.nix", "{ }\n", "hosts/old/host.ts");
    const manifest = file(serializeManifest(manifestOf({ files: [flake, gone] })));

    it("are deleted while exactly as generated", () => {
      const actions = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(flake.text), [gone.path]: file(gone.text) }), { force: false });
      expect(actions.removals).toEqual([{ path: gone.path, source: "hosts/old/host.ts", text: gone.text, sha256: contentHash(gone.text), reason: "stale" }]);
      expect(actions.keptModified).toEqual([]);
    });

    it.each([
      ["edited", `${gone.text}# my change\n`],
      ["stripped of the header", "{ }\n"],
    ])("are kept when %s", (_, text) => {
      const actions = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(flake.text), [gone.path]: file(text) }), { force: true });
      expect(actions.removals).toEqual([]);
      expect(actions.keptModified).toEqual([
        { path: gone.path, source: "hosts/old/host.ts", message: expect.stringContaining("edited since") },
      ]);
    });

    it("are kept when something else took their place", () => {
      const actions = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(flake.text), [gone.path]: { kind: "not-a-file", what: "a directory" } }), { force: false });
      expect(actions.keptModified).toEqual([expect.objectContaining({ path: gone.path, message: expect.stringContaining("no longer the file") })]);
    });

    it("are forgotten when already gone", () => {
      const actions = planActions(plan, disk({ [MANIFEST_PATH]: manifest, "flake.nix": file(flake.text), [gone.path]: absent }), { force: false });
      expect(actions.removals).toEqual([]);
      expect(actions.keptModified).toEqual([]);
      expect(actions.manifest).toEqual({ text: serializeManifest(manifestOf(plan)), changed: true, before: { sha256: manifest.kind === "file" && manifest.sha256, mode: 0o644 } });
    });
  });

  describe("the manifest", () => {
    it("is unchanged when it already describes the plan", () => {
      const entries = disk({ [MANIFEST_PATH]: file(serializeManifest(manifestOf(plan))), "flake.nix": file(flake.text) });
      expect(planActions(plan, entries, { force: false }).manifest.changed).toBe(false);
    });

    it("is not overwritten when unreadable, unless forced (then no old file is deleted)", () => {
      const entries = disk({ [MANIFEST_PATH]: file("{ not json"), "flake.nix": absent });
      expect(planActions(plan, entries, { force: false }).refused).toEqual([
        expect.objectContaining({ path: MANIFEST_PATH, code: "unreadable-manifest", message: expect.stringContaining("not valid JSON") }),
      ]);
      const forced = planActions(plan, entries, { force: true });
      expect(forced.refused).toEqual([]);
      expect(forced.manifest.changed).toBe(true);
    });

    it("refuses when its place is taken by a directory", () => {
      const entries = disk({ [MANIFEST_PATH]: { kind: "not-a-file", what: "a directory" }, "flake.nix": absent });
      expect(planActions(plan, entries, { force: true }).refused).toEqual([expect.objectContaining({ path: MANIFEST_PATH, code: "not-a-regular-file" })]);
    });
  });
});
