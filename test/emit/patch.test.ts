import { applyPatch, formatPatch, structuredPatch } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../generators/emit/check.ts";
import { checkExitCode } from "../../generators/emit/exit-code.ts";
import { MAX_DIFF_EDITS, gitPatch } from "../../generators/emit/patch.ts";
import { formatCheckReport } from "../../generators/emit/report.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { planOf, tempRoot } from "./support/tree.ts";

/** jsdiff's git patch of the whole texts, unbounded: what `gitPatch` printed for every file before the bound. */
function jsdiffPatch(path: string, before: string | undefined, after: string | undefined): string {
  const patch = structuredPatch(before === undefined ? "/dev/null" : `a/${path}`, after === undefined ? "/dev/null" : `b/${path}`, before ?? "", after ?? "");
  return formatPatch({
    ...patch,
    isGit: true,
    ...(before === undefined && { isCreate: true, newMode: "100644" }),
    ...(after === undefined && { isDelete: true, oldMode: "100644" }),
  });
}

/** Texts from few distinct lines (so diffs align), with `\r\n` and a missing last line break among them. */
const text = fc.array(fc.constantFrom("a\n", "b\n", "{\r\n", "}\n", "", "c"), { maxLength: 12 }).map((parts) => parts.join(""));

/** `count` numbered lines, `name` giving each one's text. */
const numbered = (count: number, name: (i: number) => string): string => Array.from({ length: count }, (_, i) => `${name(i)}\n`).join("");

describe("gitPatch", () => {
  it("prints a created, deleted or (within the limit) changed file exactly as jsdiff does", () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(gitPatch("hosts/a b/default.nix", undefined, after)).toBe(jsdiffPatch("hosts/a b/default.nix", undefined, after));
        expect(gitPatch("hosts/a b/default.nix", before, undefined)).toBe(jsdiffPatch("hosts/a b/default.nix", before, undefined));
        expect(gitPatch("hosts/a b/default.nix", before, after)).toBe(jsdiffPatch("hosts/a b/default.nix", before, after));
      }),
    );
  });

  it("shows a missing file of any length whole, as a patch that creates it", () => {
    const after = numbered(100_000, (i) => `  pkgs.pkg${i}`);
    const diff = gitPatch("hosts/box/default.nix", undefined, after);
    expect(diff.startsWith("diff --git a/hosts/box/default.nix b/hosts/box/default.nix\nnew file mode 100644\n--- /dev/null\n+++ b/hosts/box/default.nix\n@@ -0,0 +1,100000 @@\n+  pkgs.pkg0\n")).toBe(true);
    expect(applyPatch("", diff)).toBe(after);
  });

  it("diffs a long file with a few changed lines line by line", () => {
    const before = numbered(100_000, (i) => `  pkgs.pkg${i}`);
    const after = numbered(100_000, (i) => (i % 25_000 === 7 ? `  pkgs.renamed${i}` : `  pkgs.pkg${i}`));
    const diff = gitPatch("hosts/box/default.nix", before, after);
    expect(diff.split("\n").filter((line) => line.startsWith("+ "))).toEqual([7, 25_007, 50_007, 75_007].map((i) => `+  pkgs.renamed${i}`));
    expect(applyPatch(before, diff)).toBe(after);
  });

  it("summarises a changed file more than MAX_DIFF_EDITS lines apart: where it differs, not the lines", () => {
    // Lines 3 to 20,002 of 20,005 replaced: 40,000 lines added or removed.
    const name = (prefix: string) => (i: number) => (i >= 2 && i < 20_002 ? `  pkgs.${prefix}${i}` : `line ${i}`);
    const diff = gitPatch("hosts/box/default.nix", numbered(20_005, name("old")), numbered(20_005, name("new")));
    expect(diff).toBe(
      "diff --git a/hosts/box/default.nix b/hosts/box/default.nix\n" +
        `Not diffed: more than ${MAX_DIFF_EDITS} lines added or removed; lines 3-20002 of 20005 on disk become lines 3-20002 of 20005 planned.\n`,
    );
  });

  it("summarises lines only added, and a last line that lost its line break", () => {
    const before = numbered(20, (i) => `line ${i}`);
    const inserted = numbered(MAX_DIFF_EDITS + 1, (i) => `  pkgs.pkg${i}`);
    const lines = before.split(/(?<=\n)/);
    const after = `${lines.slice(0, 10).join("")}${inserted}${lines.slice(10).join("")}`;
    expect(gitPatch("a.nix", before, after)).toContain(`; no lines (after line 10 of 20) on disk become lines 11-${10 + MAX_DIFF_EDITS + 1} of ${20 + MAX_DIFF_EDITS + 1} planned.\n`);
    // Without its line break the last line differs too, so the difference runs to the end.
    const total = 20 + MAX_DIFF_EDITS + 1;
    expect(gitPatch("a.nix", after, before.slice(0, -1))).toContain(`; lines 11-${total} of ${total} on disk become lines 11-20 of 20 planned.\n`);
  });
});

describe("checkPlan with a huge changed file", () => {
  it("reports it as changed (exit 1) with the bounded summary", async () => {
    const root = await tempRoot();
    await writePlan(root, planOf({ "hosts/box/default.nix": numbered(50_000, (i) => `  pkgs.pkg${i}`) }));
    const result = await checkPlan(root, planOf({ "hosts/box/default.nix": numbered(50_000, (i) => `  pkgs.other${i}`) }));
    expect(result.changed.map((file) => file.path)).toEqual(["hosts/box/default.nix"]);
    expect(checkExitCode(result)).toBe(1);
    const report = formatCheckReport(result, { color: false });
    // The header the plan adds (two lines) is the same on both sides.
    expect(report).toContain(`Not diffed: more than ${MAX_DIFF_EDITS} lines added or removed; lines 3-50002 of 50002 on disk become lines 3-50002 of 50002 planned.\n`);
    expect(report.length).toBeLessThan(1_000);
  });
});
