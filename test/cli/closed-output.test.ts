/**
 * A reader that goes away (`typeflake schema | head`) closes the pipe under stdout or stderr: the
 * command finishes its work and exits with its own code, with no stack trace. Each run is its own
 * process whose stream's read end is closed before it writes a byte.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { scaffoldedFleet } from "./support/scaffolded-fleet.ts";
import { typeflakeArgs } from "./support/typeflake-process.ts";

/** `typeflake <args>` in `cwd` with the read end of `closed` shut at once: its exit code, and what the other stream got. */
const runWithClosed = (closed: "stdout" | "stderr", args: readonly string[], cwd: string): Promise<{ code: number | null; other: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, typeflakeArgs(args), { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    child[closed].destroy();
    let other = "";
    child[closed === "stdout" ? "stderr" : "stdout"].on("data", (chunk: Buffer) => (other += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, other }));
  });

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

describe("output whose reader has gone", () => {
  it("typeflake schema with stdout closed exits 0, saying nothing on stderr", async () => {
    const { code, other } = await runWithClosed("stdout", ["schema"], process.cwd());
    expect(other).toBe("");
    expect(code).toBe(0);
  });

  it("generate with stderr closed writes every file and exits 0", async () => {
    const root = await scaffoldedFleet();
    fleets.push(root);
    const { code } = await runWithClosed("stderr", ["generate"], root);
    expect(code).toBe(0);
    expect(existsSync(join(root, "flake.nix"))).toBe(true);
    const { code: checked } = await runWithClosed("stderr", ["generate", "--check"], root);
    expect(checked).toBe(0);
  });
});
