/**
 * The compiler-style printer and the JSON records, on diagnostics built by hand.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import { formatDiagnostics, summary } from "../../generators/diagnostics/format.ts";
import { diagnosticRecords } from "../../generators/diagnostics/json.ts";

const located: Diagnostic = {
  severity: "error",
  code: "duplicate-address",
  data: { address: "10.0.20.10", of: "address", host: "compute", file: "hosts/compute/host.ts" },
  origin: { file: "hosts/nas/host.ts", objectPath: ["address"] },
  location: { line: 4, column: 3, sourceLine: "  address: \"10.0.20.10\"," },
  related: [
    { file: "hosts/compute/host.ts", objectPath: ["address"], location: { line: 4, column: 3 } },
  ],
};

const unlocated: Diagnostic = {
  severity: "warning",
  code: "missing-host-file",
  data: { host: "empty" },
  origin: { file: "hosts/empty/", objectPath: [] },
};

describe("formatDiagnostics", () => {
  it("prints location, severity, path, message, source line, caret and related places", () => {
    expect(formatDiagnostics([located], { color: false })).toBe(
      `hosts/nas/host.ts:4:3 error address: "10.0.20.10" is already the address of host "compute" (hosts/compute/host.ts); every host needs its own address
  4 |   address: "10.0.20.10",
    |   ^
  related: hosts/compute/host.ts:4:3 address

1 error in 1 file
`,
    );
  });

  it("prints a problem without a position as its file alone", () => {
    expect(formatDiagnostics([unlocated], { color: false })).toBe(
      "hosts/empty/ warning: host folder has no host.ts; create hosts/empty/host.ts with export default defineHost({ address: \"…\" }), or remove the folder\n\n1 warning in 1 file\n",
    );
  });

  it("keeps tabs in the caret line so the caret lines up", () => {
    const tabbed: Diagnostic = { ...located, location: { line: 1, column: 3, sourceLine: "\t\taddress: 1," } };
    expect(formatDiagnostics([tabbed], { color: false }).split("\n")[2]).toBe("    | \t\t^");
  });

  it("lines the caret up under text with wide characters and combining marks", () => {
    // Column 13 counts UTF-16 units; on screen the quote takes one column, "名前" four, e + U+0301
    // one, the emoji two and '": { ' five.
    const wide: Diagnostic = { ...located, location: { line: 1, column: 13, sourceLine: '"名前e\u0301🚀": { address: 1 },' } };
    const [source, caret] = formatDiagnostics([wide], { color: false }).split("\n").slice(1, 3);
    expect(source).toBe('  1 | "名前e\u0301🚀": { address: 1 },');
    expect(caret).toBe(`    | ${" ".repeat(1 + 4 + 1 + 2 + 5)}^`);
  });

  it("shows a window of a very long source line around the caret, cut with …, the caret under its column", () => {
    const line = `${"a".repeat(100_000)}address: 1,${"b".repeat(100_000)}`;
    const long: Diagnostic = { ...located, location: { line: 1, column: 100_001, sourceLine: line } };
    const [source, caret] = formatDiagnostics([long], { color: false }).split("\n").slice(1, 3);
    expect(source).toBe(`  1 | …${"a".repeat(60)}address: 1,${"b".repeat(160 - 60 - 11)}…`);
    expect(caret).toBe(`    | ${" ".repeat(1 + 60)}^`);
  });

  it("never cuts a long source line between the halves of a character", () => {
    const line = `${"🚀".repeat(200)}`;
    const long: Diagnostic = { ...located, location: { line: 1, column: 62, sourceLine: line } };
    const [source] = formatDiagnostics([long], { color: false }).split("\n").slice(1, 2);
    expect([...(source ?? "")].every((char) => char.length === 2 || !/[\uD800-\uDFFF]/.test(char))).toBe(true);
  });

  it("colours only when asked", () => {
    expect(formatDiagnostics([located], { color: true })).toContain("\u001b[31m");
    expect(formatDiagnostics([located], { color: false })).not.toContain("\u001b[");
  });

  it("escapes control and bidi characters of the fleet's text, and lines the caret up under the escaped line", () => {
    const hostile: Diagnostic = {
      severity: "error",
      code: "unknown-key",
      data: { key: "ke\u001b[2Jy\u202e", valid: ["address"], suggestion: "addr\u202eess" },
      origin: { file: "hosts/ev\u001bil/host.ts", objectPath: ["services", "x\u0000\u2066"] },
      location: { line: 7, column: 9, sourceLine: "\t/*\u001b\u202e*/ ke: 1, // \u0007\r" },
      related: [{ file: "hosts/\u009bother/host.ts", objectPath: ["\u007f"], location: { line: 1, column: 1 } }],
    };
    const text = formatDiagnostics([hostile], { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text.split("\n").slice(0, 4)).toEqual([
      'hosts/ev\\u001bil/host.ts:7:9 error services."x\\u0000\\u2066": unknown key "ke\\u001b[2Jy\\u202e"; did you mean "addr\\u202eess"? Valid keys: address',
      "  7 | \t/*\\u001b\\u202e*/ ke: 1, // \\u0007\\r",
      // Column 9, the key, follows "\t/*", ESC, U+202E and "*/ ": the tab and 17 characters once escaped.
      `    | \t${" ".repeat(17)}^`,
      '  related: hosts/\\u009bother/host.ts:1:1 "\\u007f"',
    ]);
  });

  it("keeps ordinary Unicode as it is, and colours only typeflake's own words", () => {
    const accented: Diagnostic = { ...located, location: { line: 4, column: 9, sourceLine: "  café: \"東京 🚀\"," } };
    const plain = formatDiagnostics([accented], { color: false });
    expect(plain).toContain('  4 |   café: "東京 🚀",\n    |         ^');
    const colored = formatDiagnostics([{ ...located, data: { ...located.data, host: "\u001b[2J" } }], { color: true });
    expect(colored).toContain("\u001b[31m");
    expect(colored).not.toContain("\u001b[2J");
    expect(colored).toContain('host "\\u001b[2J"');
  });

  it("prints nothing for no diagnostics", () => {
    expect(formatDiagnostics([], { color: false })).toBe("");
  });

  it("counts errors, warnings and files", () => {
    expect(summary([located])).toBe("1 error in 1 file");
    expect(summary([located, located, unlocated])).toBe("2 errors and 1 warning in 2 files");
    expect(summary([unlocated, unlocated])).toBe("2 warnings in 1 file");
  });
});

describe("diagnosticRecords", () => {
  it("flattens each diagnostic with 1-based positions, or null where unknown", () => {
    expect(diagnosticRecords([located, unlocated])).toEqual([
      {
        file: "hosts/nas/host.ts",
        line: 4,
        column: 3,
        path: "address",
        objectPath: ["address"],
        severity: "error",
        code: "duplicate-address",
        message: '"10.0.20.10" is already the address of host "compute" (hosts/compute/host.ts); every host needs its own address',
        data: { address: "10.0.20.10", of: "address", host: "compute", file: "hosts/compute/host.ts" },
        related: [{ file: "hosts/compute/host.ts", line: 4, column: 3, path: "address", objectPath: ["address"] }],
      },
      {
        file: "hosts/empty/",
        line: null,
        column: null,
        path: "",
        objectPath: [],
        severity: "warning",
        code: "missing-host-file",
        message: 'host folder has no host.ts; create hosts/empty/host.ts with export default defineHost({ address: "…" }), or remove the folder',
        data: { host: "empty" },
        related: [],
      },
    ]);
  });

  it("carries the typed fields a message was worded from", () => {
    const unknownKey: Diagnostic = {
      severity: "error",
      code: "unknown-key",
      data: { key: "adress", suggestion: "address", valid: ["address", "deploy"] },
      origin: { file: "hosts/nas/host.ts", objectPath: ["adress"] },
    };
    expect(diagnosticRecords([unknownKey])[0]).toMatchObject({
      code: "unknown-key",
      message: 'unknown key "adress"; did you mean "address"? Valid keys: address, deploy',
      data: { key: "adress", suggestion: "address", valid: ["address", "deploy"] },
    });
  });
});
