/**
 * `typeflake generate --watch` as its own process, as a user runs it: an edit to a helper a host
 * imports regenerates the host, a mistake is reported and written over nothing, its fix and a new
 * host folder are generated, so is an edit once the root was moved away and copied back, and a terminal's Ctrl-C (SIGINT to the command's process group)
 * ends the watch and its child with exit code 130, as does its process being killed outright.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cp, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { writeCacheFleet } from "../cache/support/cache-fleet.ts";
import { typeflakeArgs } from "./support/typeflake-process.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

/** Poll `check` until it holds; the failure names what was awaited and what the watch printed. */
const eventually = async (what: string, check: () => Promise<boolean>, printed: () => string): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 60 s; the watch printed:\n${printed()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const textOf = (path: string): Promise<string> => readFile(path, "utf8").catch(() => "");

/** The watch children running for the fleet at `root` (their command lines name it). */
const watchers = (root: string): string[] =>
  readdirSync("/proc").flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    const args = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      } catch {
        return [];
      }
    })();
    return args.includes("--watch") && args.includes(root) ? [pid] : [];
  });

describe("generate --watch", () => {
  it("generates again after each change, reports mistakes without writing, and ends on Ctrl-C", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    // A process group of its own, as a shell gives a command: Ctrl-C is a SIGINT to the group.
    const child = spawn(process.execPath, typeflakeArgs(["generate", "--watch"]), { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "1" }, detached: true });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const printed = () => stderr;
    const alpha = join(root, "hosts/alpha/default.nix");
    try {
      await eventually("the first run", async () => stderr.includes("Watching for changes"), printed);
      expect(await textOf(alpha)).toContain("Welcome (v1)");

      // A helper outside the definition folders, read through an import.
      await writeFile(join(root, "shared.ts"), `export const motd = "Hello";\n`);
      await eventually("regenerating alpha after shared.ts changed", async () => (await textOf(alpha)).includes("Hello (v1)"), printed);
      expect(stderr).toMatch(/\d\d:\d\d:\d\d shared\.ts changed/);

      const beta = join(root, "hosts/beta/host.ts");
      const betaText = await textOf(beta);
      const before = stderr.length;
      await writeFile(beta, betaText.replace("defineHost({", "defineHost({ bogus: 1,"));
      await eventually("the mistake reported", async () => stderr.slice(before).includes(`unknown key "bogus"`), printed);
      await writeFile(beta, betaText.replace(/address: "[^"]+"/, `address: "10.0.0.8"`));
      await eventually("the fix generated", async () => (await textOf(join(root, "INVENTORY.md"))).includes("10.0.0.8"), printed);

      await cp(join(root, "hosts/beta"), join(root, "hosts/gamma"), { recursive: true });
      await writeFile(join(root, "hosts/gamma/host.ts"), (await textOf(join(root, "hosts/gamma/host.ts"))).replace("10.0.0.8", "10.0.0.9"));
      await eventually("the new host generated", async () => (await textOf(join(root, "hosts/gamma/default.nix"))).includes(`networking.hostName = "gamma"`), printed);

      // The root made anew (moved away, cloned again): every watch went with the old folder. Moved
      // once the watch is idle: a copy taken mid-run would hold its lock.
      await eventually("the watch idle", async () => {
        const seen = stderr.length;
        await new Promise((resolve) => setTimeout(resolve, 500));
        return stderr.length === seen && stderr.endsWith("Watching for changes (Ctrl-C to stop)\n");
      }, printed);
      const moved = `${root}-moved`;
      fleets.push(moved);
      await rename(root, moved);
      await cp(moved, root, { recursive: true, verbatimSymlinks: true });
      await eventually("a run in the new root", async () => stderr.endsWith("Watching for changes (Ctrl-C to stop)\n") && (await textOf(alpha)) !== "", printed);
      await writeFile(beta, betaText.replace(/address: "[^"]+"/, `address: "10.0.0.7"`));
      await eventually("an edit in the new root generated", async () => (await textOf(join(root, "INVENTORY.md"))).includes("10.0.0.7"), printed);
    } finally {
      process.kill(-(child.pid as number), "SIGINT");
    }
    expect(await exited).toBe(130);
    expect(stderr).not.toMatch(/internal error|    at /);
    expect(watchers(root)).toEqual([]);
  }, 180_000);

  it("ends when the command's process is killed outright", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    const child = spawn(process.execPath, typeflakeArgs(["generate", "--watch"]), { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await eventually("the first run", async () => stderr.includes("Watching for changes"), () => stderr);
    expect(watchers(root)).toHaveLength(1);
    child.kill("SIGKILL");
    await eventually("the watch's child ending", async () => watchers(root).length === 0, () => stderr);
  }, 120_000);

  it("refuses --check, --eval and --json beside it", async () => {
    const root = await writeCacheFleet();
    fleets.push(root);
    const child = spawn(process.execPath, typeflakeArgs(["generate", "--watch", "--check"]), { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(1);
    expect(stderr).toContain("--watch writes the files each time the fleet changes: it cannot be combined with --check, --eval or --json");
  }, 60_000);
});
