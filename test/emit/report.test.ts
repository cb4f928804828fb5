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

  it("escapes control and bidi characters of file names and diff lines, keeping tabs, then colours", () => {
    const hostile: CheckResult = {
      ...drift,
      changed: [{ path: "flake.nix", source: "hosts/x\u202e/host.ts", diff: gitPatch("flake.nix", "\ta = 1;\n", "\ta = \"\u001b[2J\u202e\";\n") }],
      orphaned: [{ path: "modules/o\u001b[2J.nix", source: "modules/o.ts", diff: "" }],
      refused: [{ path: "hosts/a/default.nix", code: "edited-file", message: "was edited by hand.", detail: "-\told\u0007\n+\tnew\r\n" }],
    };
    const lines = formatCheckReport(hostile, { color: false }).split("\n");
    expect(lines).toContain('+\ta = "\\u001b[2J\\u202e";');
    expect(lines).toContain("changed: flake.nix (from hosts/x\\u202e/host.ts)");
    expect(lines).toContain("orphaned: modules/o\\u001b[2J.nix (carries typeflake's header but is in no manifest; generate removes it)");
    expect(lines).toEqual(expect.arrayContaining(["-\told\\u0007", "+\tnew\\r"]));
    const colored = formatCheckReport(hostile, { color: true });
    expect(colored).toContain(`${ESC}32m+\ta = "\\u001b[2J\\u202e";${ESC}39m`);
    expect(colored.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
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

  it("escapes control characters of the paths it names", () => {
    const result = { created: ["hosts/a\u001b[2J.nix"], updated: [], unchanged: [], removed: ["x\u202e.nix"], keptModified: [], refused: [], failed: [] };
    expect(formatWriteReport(result, { color: false })).toBe(
      "created: hosts/a\\u001b[2J.nix\nremoved: x\\u202e.nix\nGenerated files: 1 created, 0 updated, 0 unchanged, 1 removed.\n",
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
