/**
 * Integers beyond 2^53 − 1 in a definition: JavaScript may have rounded the number written before
 * typeflake read it, so the run warns at the number and says how to keep every digit (raw Nix);
 * the fleet is still generated with the number as read. Beyond Nix's 64 bits it stays an error.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { BASE_FLEET, hostFile } from "./support/fleet-text.ts";
import { runGenerate } from "./support/run-generate.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

/** `generate --json` on the base fleet whose host "nas" sets sysctl "kernel.x" to `number` (TypeScript text). */
const generateWith = async (number: string) => {
  const root = await writeFleet({ ...BASE_FLEET, "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  nixos: { boot: { kernel: { sysctl: { "kernel.x": ${number} } } } },`) });
  roots.push(root);
  const run = await runGenerate(root, "--json");
  return { root, run, diagnostics: JSON.parse(run.stdout) as DiagnosticRecord[] };
};

describe("integers JavaScript may have rounded", () => {
  it("warns at the number, names the value read and the raw Nix that keeps every digit, and generates", async () => {
    const { root, run, diagnostics } = await generateWith("9007199254740993");
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(diagnostics.map((record) => `${record.severity} ${record.code} ${record.line}:${record.column}`)).toEqual(["warning unsafe-integer 5:40"]);
    expect(diagnostics[0]?.message).toContain("is the integer 9007199254740992, beyond 2^53 - 1");
    expect(diagnostics[0]?.message).toContain("nix`9007199254740992`");
    expect(await readFile(join(root, "hosts/nas/default.nix"), "utf8")).toContain('"kernel.x" = 9007199254740992;');
  });

  it("says nothing of the largest safe integer", async () => {
    const { run, diagnostics } = await generateWith("9007199254740991");
    expect(run.exitCode).toBe(0);
    expect(diagnostics).toEqual([]);
  });

  it("refuses one a schema field takes only as a safe integer, with the schema's error alone (the warning hid it, and the run failed saying nothing)", async () => {
    const root = await writeFleet({ ...BASE_FLEET, "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  deploy: { confirmTimeout: 2 ** 60 },`) });
    roots.push(root);
    const run = await runGenerate(root, "--json");
    expect(run.exitCode).toBe(1);
    const diagnostics = (JSON.parse(run.stdout) as DiagnosticRecord[]).filter((record) => record.severity !== "info");
    expect(diagnostics.map((record) => `${record.severity} ${record.path} ${record.line}:${record.column}`)).toEqual(["error deploy.confirmTimeout 5:13"]);
    expect(diagnostics[0]?.message).toContain("must be at most 9007199254740991");
  });

  it("still refuses an integer beyond Nix's 64 bits", async () => {
    const { run, diagnostics } = await generateWith("2 ** 63");
    expect(run.exitCode).toBe(1);
    expect(diagnostics.filter((record) => record.severity === "error").map((record) => record.code)).toEqual(["integer-out-of-range"]);
  });
});
