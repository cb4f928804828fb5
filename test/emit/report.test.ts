import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../generators/emit/check.ts";
import { colorEnabled } from "../../generators/emit/color.ts";
import { gitPatch } from "../../generators/emit/patch.ts";
import { formatCheckReport, formatWriteReport } from "../../generators/emit/report.ts";

const ESC = "\u001b[";
const drift: CheckResult = {
  unchanged: [],
  missing: [],
  changed: [{ path: "flake.nix", source: "typeflake.config.ts", diff: gitPatch("flake.nix", "a\n-- old\n", "a\n--- new\n") }],
  stale: [],
  orphaned: [],
  temporary: [],
  keptModified: [],
  manifestOutdated: false,
  refused: [],
  failed: [],
};

describe("formatCheckReport", () => {
  it("is plain text without colour", () => {
    expect(formatCheckReport(drift, { color: false })).toBe(
      [
        "diff --git a/flake.nix b/flake.nix",
        "--- a/flake.nix",
        "+++ b/flake.nix",
        "@@ -1,2 +1,2 @@",
        " a",
        "--- old",
        "+--- new",
        "",
        "changed: flake.nix (from typeflake.config.ts)",
        "Run `npm run generate` to update the generated files, then commit them.",
        "",
      ].join("\n"),
    );
  });

  it("colours headers bold, hunks cyan, removals red and additions green, even lines that look like headers", () => {
    const lines = formatCheckReport(drift, { color: true }).split("\n");
    expect(lines[0]).toBe(`${ESC}1mdiff --git a/flake.nix b/flake.nix${ESC}22m`);
    expect(lines[1]).toBe(`${ESC}1m--- a/flake.nix${ESC}22m`);
    expect(lines[3]).toBe(`${ESC}36m@@ -1,2 +1,2 @@${ESC}39m`);
    expect(lines[4]).toBe(" a");
    expect(lines[5]).toBe(`${ESC}31m--- old${ESC}39m`);
    expect(lines[6]).toBe(`${ESC}32m+--- new${ESC}39m`);
  });

  it("has no colour on a terminal when NO_COLOR is set", () => {
    const color = colorEnabled({ isTTY: true }, { NO_COLOR: "1", FORCE_COLOR: "1" });
    expect(formatCheckReport(drift, { color })).not.toContain(ESC);
  });

  it("lists a refusal and an I/O failure with their codes; a failure gets no advice to regenerate", () => {
    const failed: CheckResult = { ...drift, changed: [], failed: [{ path: "flake.nix", code: "io-error", message: "could not be read: EACCES." }] };
    expect(formatCheckReport(failed, { color: false })).toBe("error: flake.nix could not be read: EACCES. [io-error]\n");
  });
});

describe("formatWriteReport", () => {
  it("says that nothing was written when the transaction failed (it was rolled back)", () => {
    const result = {
      created: [],
      updated: [],
      unchanged: [],
      removed: [],
      keptModified: [],
      refused: [],
      failed: [{ path: "b.nix", code: "io-error" as const, message: "could not be written: ENOSPC." }],
    };
    expect(formatWriteReport(result, { color: false })).toBe(
      "error: b.nix could not be written: ENOSPC. [io-error]\nNothing was written.\n",
    );
  });
});

describe("colorEnabled", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each<[string, { isTTY: boolean }, Record<string, string>, boolean]>([
    ["a terminal", tty, {}, true],
    ["a pipe", pipe, {}, false],
    ["NO_COLOR on a terminal", tty, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", tty, { NO_COLOR: "" }, true],
    ["NO_COLOR over FORCE_COLOR", tty, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["FORCE_COLOR on a pipe", pipe, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0 on a terminal", tty, { FORCE_COLOR: "0" }, false],
    ["a dumb terminal", tty, { TERM: "dumb" }, false],
  ])("%s", (_, stream, env, expected) => {
    expect(colorEnabled(stream, env)).toBe(expected);
  });
});
