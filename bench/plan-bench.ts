/**
 * `typeflake plan` on a synthetic fleet with one host changed, beside `generate`'s time on the
 * same fleet in the same run (the goal: plan ≤ 2 × generate). The fleet, as `benchFleet` left it
 * (written and generated), is committed to a git repository of its own; one host's proxy target
 * is then edited, so the plan loads and lowers two revisions and finds one host to deploy.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FleetResult } from "./fleet-bench.ts";
import { measure, measuredNode } from "./measure/child.ts";
import { CLI, REPOSITORY } from "./paths.ts";
import { duration, ratio } from "./report/table.ts";
import { failureOf, repeat, statsOf, type RunStats } from "./runs.ts";
import { describeSpec } from "./report/fleet-report.ts";

/** What the plan bench measured. */
export interface PlanResult {
  readonly fleet: FleetResult;
  readonly plan?: RunStats;
  /** The host the edit changed, and the hosts the plan said to deploy (should be just that one). */
  readonly changed?: string;
  readonly deploy?: readonly string[];
  readonly failure?: string;
}

const git = (root: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@typeflake.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });

/** Commit the fleet at `fleet.root`, change one host, and time `typeflake plan --json` `runs` times. */
export const benchPlan = async (fleet: FleetResult, runs: number): Promise<PlanResult> => {
  const { root } = fleet;
  if (!fleet.generate) return { fleet, failure: "the fleet did not generate" };
  rmSync(join(root, ".git"), { recursive: true, force: true });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "--no-verify", "-m", "bench fleet");
  const changed = readdirSync(join(root, "hosts")).sort()[0] as string;
  const file = join(root, "hosts", changed, "host.ts");
  writeFileSync(file, readFileSync(file, "utf8").replace("http://127.0.0.1:8080", "http://127.0.0.1:8081"));
  const [command, args] = measuredNode([CLI, "plan", "--json", "-C", root]);
  const measured = await repeat(runs, () => measure(command, args, REPOSITORY));
  const failure = failureOf(measured, "plan");
  if (failure) return { fleet, changed, failure };
  const last = measured.at(-1);
  const deploy = (JSON.parse(last?.stdout ?? "{}") as { summary?: { deploy?: string[] } }).summary?.deploy ?? [];
  return { fleet, plan: statsOf(measured), changed, deploy };
};

/** The figure, as a report section. */
export const planReport = (result: PlanResult): string => {
  const title = `== plan, one host changed: ${describeSpec(result.fleet.spec)}`;
  if (result.failure || !result.plan || !result.fleet.generate) return `${title}\nFAILED: ${result.failure ?? "not measured"}`;
  const generate = result.fleet.generate.wallMs;
  const plan = result.plan.wallMs;
  const found = result.deploy?.join(", ") || "(none)";
  return [
    title,
    `generate (empty output)  ${duration(generate)}`,
    `plan --json              ${duration(plan)}  (${ratio(plan / generate)} generate's time; goal ≤ 2.0x)`,
    `changed ${result.changed}; the plan's hosts to deploy: ${found}${result.deploy?.length === 1 && result.deploy[0] === result.changed ? " (right)" : " (WRONG)"}`,
  ].join("\n");
};
