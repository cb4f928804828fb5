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

  it("colours only when asked", () => {
    expect(formatDiagnostics([located], { color: true })).toContain("\u001b[31m");
    expect(formatDiagnostics([located], { color: false })).not.toContain("\u001b[");
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
