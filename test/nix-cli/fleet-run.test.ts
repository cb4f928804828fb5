/**
 * Deploying several hosts at once: parallelism, a failing host, --fail-fast, the status lines
 * (plain and live), the summary, and Ctrl-C.
 */
import { truncateSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { Collector } from "../support/run-command.ts";
import { runCli } from "./support/cli.ts";
import { createFakes } from "./support/fakes.ts";
import { homelab } from "./support/fleet.ts";
import { tempDir } from "./support/temp.ts";

const root = tempDir("fleet-run");
const fleet = homelab(root);
// Every deploy takes 0.3 s; the one of compute then fails.
const fakes = createFakes(join(root, "bin"), {
  deploy: { stdout: "activating\n", sleep: 0.3, failWhen: ".#compute" },
});
const plainEnv = (): NodeJS.ProcessEnv => ({ ...fakes.env(), CI: "true" });

const deployAll = async (...extra: string[]) => {
  truncateSync(fakes.log);
  return runCli(["deploy", "--all", ...extra], { fleet, env: plainEnv() });
};

/** Hosts in the order the fake saw `phase` events for them. */
const order = (phase: "start" | "end"): string[] =>
  fakes
    .records()
    .filter((record) => record.phase === phase)
    .map((record) => record.argv[0] ?? "");

const SUMMARY_ROW = (host: string, result: string, time = "\\d+\\.\\ds") =>
  new RegExp(`^${host}\\s+${result.replace(/[()]/g, "\\$&")}\\s+${time}$`, "m");

describe("a parallel deploy of three hosts where one fails", () => {
  test("deploys the others, reports every host and exits 1", async () => {
    const run = await deployAll();
    expect(run.exitCode).toBe(1);
    // All three ran at once: every start came before the first end.
    const records = fakes.records().map((record) => record.phase);
    expect(records.slice(0, 3)).toEqual(["start", "start", "start"]);
    expect(order("end").sort()).toEqual([".#compute", ".#gateway", ".#nas"]);

    expect(run.stderr).toMatch(/^host\s+result\s+time$/m);
    expect(run.stderr).toMatch(SUMMARY_ROW("compute", "failed (exit 1)"));
    expect(run.stderr).toMatch(SUMMARY_ROW("gateway", "ok"));
    expect(run.stderr).toMatch(SUMMARY_ROW("nas", "ok"));
    expect(run.stderr).toContain("typeflake: deploy did not succeed on 1 of 3 hosts: compute (failed)");
  });

  test("shows each host's output and errors with its name, and a plain status line per event", async () => {
    const run = await deployAll();
    expect(run.stdout.split("\n").sort()).toEqual([
      "",
      "[compute] activating",
      "[gateway] activating",
      "[nas]     activating",
    ]);
    expect(run.stderr).toContain("[compute] failed: .#compute\n");
    expect(run.stderr).toContain("[nas]     $ deploy '.#nas'\n");
    for (const host of ["compute", "gateway", "nas"]) expect(run.stderr).toContain(`${host}: started\n`);
    expect(run.stderr).toMatch(/^compute: failed \(exit 1\) after \d+\.\ds$/m);
    expect(run.stderr).toMatch(/^nas: ok after \d+\.\ds$/m);
    expect(run.stderr).not.toContain("\x1b[");
  });

  test("--jobs 1 deploys one host after the other, and still goes on past the failure", async () => {
    const run = await deployAll("--jobs", "1");
    expect(run.exitCode).toBe(1);
    expect(fakes.records().map((record) => `${record.phase} ${record.argv[0]}`)).toEqual([
      "start .#compute",
      "end .#compute",
      "start .#gateway",
      "end .#gateway",
      "start .#nas",
      "end .#nas",
    ]);
  });

  test("--fail-fast starts no host after the failure and reports the rest as skipped", async () => {
    const run = await deployAll("--jobs", "1", "--fail-fast");
    expect(run.exitCode).toBe(1);
    expect(order("start")).toEqual([".#compute"]);
    expect(run.stderr).toMatch(SUMMARY_ROW("compute", "failed (exit 1)"));
    expect(run.stderr).toMatch(SUMMARY_ROW("gateway", "skipped", "-"));
    expect(run.stderr).toMatch(SUMMARY_ROW("nas", "skipped", "-"));
    expect(run.stderr).toContain(
      "typeflake: deploy did not succeed on 3 of 3 hosts: compute (failed), gateway (skipped), nas (skipped)",
    );
  });

  test("--fail-fast lets hosts that already started finish", async () => {
    const run = await deployAll("--fail-fast");
    expect(order("end").sort()).toEqual([".#compute", ".#gateway", ".#nas"]);
    expect(run.stderr).toMatch(SUMMARY_ROW("nas", "ok"));
  });

  test("exits 0 with a summary when every host succeeds", async () => {
    truncateSync(fakes.log);
    const run = await runCli(["deploy", "--tag", "storage", "--tag", "network"], { fleet, env: plainEnv() });
    expect(run.exitCode).toBe(0);
    expect(order("start").sort()).toEqual([".#gateway", ".#nas"]);
    expect(run.stderr).toMatch(SUMMARY_ROW("gateway", "ok"));
    expect(run.stderr).not.toContain("typeflake:");
  });
});

describe("the live status on a terminal", () => {
  const terminal = (): Collector => Object.assign(new Collector(), { isTTY: true, columns: 100 });
  const liveEnv = (): NodeJS.ProcessEnv => {
    const env = fakes.env();
    delete env.CI;
    return env;
  };

  test("redraws one line per host with elapsed time below the output", async () => {
    truncateSync(fakes.log);
    const stderr = terminal();
    const run = await runCli(["deploy", "--all"], { fleet, env: { ...liveEnv(), NO_COLOR: "1" }, stderr });
    expect(run.exitCode).toBe(1);
    // Status block erased (cursor up three lines, clear) before output is written above it.
    expect(stderr.text).toContain("\x1b[3F\x1b[J");
    expect(stderr.text).toContain("  compute  waiting\n");
    expect(stderr.text).toMatch(/… nas {6}running \d+\.\ds\n/);
    expect(stderr.text).toMatch(/✖ compute {2}failed \(exit 1\) \d+\.\ds\n/);
    expect(stderr.text).toMatch(/✔ nas {6}ok \d+\.\ds\n/);
    expect(stderr.text).not.toContain("nas: started");
  });

  test("is plain log lines under CI, even on a terminal", async () => {
    truncateSync(fakes.log);
    const stderr = terminal();
    await runCli(["deploy", "--all"], { fleet, env: plainEnv(), stderr });
    expect(stderr.text).not.toContain("\x1b[");
    expect(stderr.text).toContain("nas: started\n");
  });
});

describe("Ctrl-C", () => {
  test("stops the running deploys, reports them cancelled and exits 130", async () => {
    const slow = createFakes(join(root, "slow-bin"), { deploy: { sleep: 5 } });
    const running = runCli(["deploy", "--all"], { fleet, env: { ...slow.env(), CI: "true" } });
    while (slow.calls().length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    process.emit("SIGTERM", "SIGTERM");
    const run = await running;
    expect(run.exitCode).toBe(130);
    // Each deploy was terminated before it could finish.
    expect(slow.records().filter((record) => record.phase === "end")).toEqual([]);
    expect(run.stderr).toMatch(SUMMARY_ROW("nas", "cancelled"));
    expect(run.stderr).toContain("typeflake: deploy interrupted");
    expect(process.listenerCount("SIGTERM")).toBe(0);
  });
});
