/**
 * `npm run bench`: typeflake's speed and memory on synthetic fleets of 10, 100 and 1,000 hosts
 * (host folders, and hosts defined in one file) and a 100-host WireGuard full mesh, against two
 * baselines measured on the same output, plus the reference homelab's `npm run generate`; the
 * homelab and the largest fleets also through the installed package's bin, and every start-up
 * figure beside its floor (`node -e 0`, `npm run` of a no-op).
 *
 *   npm run bench               every fleet, three runs each; profiles what misses a target
 *   npm run bench -- --smoke    the 10-host fleets and the homelab's cold generate, one run each (CI)
 *   npm run bench -- --profile  also profile when every target is met
 *   npm run bench -- --instructions  also count the homelab's runs in instructions (valgrind; ~2 min)
 *
 * Figures are printed, never asserted: missed targets do not fail the run. It exits 1 only when
 * something could not be measured (a fleet failed to generate, or its output does not parse).
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { benchFleet, type FleetResult } from "./fleet-bench.ts";
import { benchHomelab } from "./homelab.ts";
import type { FleetSpec } from "./synthetic/spec.ts";
import { profileFleet } from "./profile.ts";
import { describeSpec, fleetReport, summaryReport } from "./report/fleet-report.ts";
import { floorsReport, homelabReport, profileReport, targetsReport } from "./report/other-reports.ts";
import { installPackage } from "./installed-package.ts";
import { measureFloors } from "./measure/floors.ts";
import { duration } from "./report/table.ts";
import { judgeTargets } from "./targets.ts";
import { benchPlan, planReport } from "./plan-bench.ts";
import { benchOptionSchemaTsc, optionSchemaTscReport } from "./option-schema-tsc.ts";
import { benchOptionSchemaGenerate, optionSchemaGenerateReport } from "./option-schema-generate.ts";
import { benchInstructions, instructionsReport } from "./instructions.ts";

const { values: flags } = parseArgs({ options: { smoke: { type: "boolean" }, profile: { type: "boolean" }, instructions: { type: "boolean" } } });

const SIZES = flags.smoke ? [10] : [10, 100, 1000];
const RUNS = flags.smoke ? 1 : 3;

const specs: FleetSpec[] = [
  ...SIZES.flatMap((hosts) => (["folders", "one-file"] as const).map((layout): FleetSpec => ({ hosts, layout, topology: "hub" }))),
  ...(flags.smoke ? [] : [{ hosts: 100, layout: "folders", topology: "mesh" } as const]),
];

// The CLI under test is the compiled one, as users run it: build dist/ from the current sources.
execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });

const say = (text: string) => process.stdout.write(`${text}\n\n`);
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** The machine's load: other processes competing for the cores inflate every wall time. */
const load = () => loadavg().map((value) => value.toFixed(2)).join(" / ");

say(
  `typeflake bench${flags.smoke ? " (smoke: smallest size only, one run)" : ""} — node ${process.version}, ` +
    `${availableParallelism()} cores, ${RUNS} run(s) per figure, load average (1/5/15 min) at start ${load()}`,
);

progress("floors: node -e 0, npm run of a no-op…");
const floors = await measureFloors(RUNS);
say(floorsReport(floors));

// Users run the installed package: the figures they see are measured on it too (not in a smoke
// run, which measures neither the largest fleets nor the homelab's up-to-date runs).
if (!flags.smoke) progress("packing and installing typeflake…");
const installed = flags.smoke ? undefined : installPackage();
if (typeof installed === "string") say(`PROBLEM: ${installed}`);
const installedBin = typeof installed === "object" ? installed.bin : undefined;

const results: FleetResult[] = [];
for (const spec of specs) {
  progress(`${describeSpec(spec)}…`);
  const result = await benchFleet(spec, RUNS, installedBin);
  results.push(result);
  say(fleetReport(result));
}
// `plan` with one host changed, on the largest host-folder fleet, beside its generate time.
const planned = results.find((result) => result.spec.hosts === Math.max(...SIZES) && result.spec.layout === "folders");
if (planned) progress(`plan, one host changed, ${describeSpec(planned.spec)}…`);
const plan = planned ? await benchPlan(planned, RUNS) : undefined;
if (plan) say(planReport(plan));
progress("reference homelab…");
const homelab = await benchHomelab(RUNS, Boolean(flags.smoke), installedBin);
if (typeof installed === "object") installed.remove();
say(homelabReport(homelab));
progress("tsc with a fleet option schema of 20,000+ options…");
say(optionSchemaTscReport(await benchOptionSchemaTsc(RUNS)));
progress("generate with a fleet option schema of 20,000+ options…");
say(optionSchemaGenerateReport(await benchOptionSchemaGenerate(RUNS)));
if (flags.instructions) {
  progress("the homelab's runs counted in instructions (valgrind)…");
  say(instructionsReport(await benchInstructions()));
}
say(`== summary\n${summaryReport(results)}`);

const targets = judgeTargets(results, homelab, floors);
const startupNote = homelab.startup
  ? `\nEvery wall time includes typeflake's start-up (--version alone: ${duration(homelab.startup.wallMs)}), most of a 100-host run: it flatters the 100 -> 1,000 ratio.`
  : "";
say(`== targets (judged on medians, wall or CPU as each names; load average now ${load()})\n${targetsReport(targets)}${startupNote}`);

const large = specs.find((spec) => spec.hosts === 1000 && spec.layout === "folders");
if (large && (flags.profile || targets.some((target) => target.pass === false))) {
  progress(`profiling ${describeSpec(large)}…`);
  for (const { command, threads } of await profileFleet(large))
    say(`== CPU profile: ${command}, ${describeSpec(large)}\n${threads.map((thread) => profileReport(thread.thread, thread.summary)).join("\n\n")}`);
}

const failed = [...results.filter((result) => result.failure !== undefined), ...(homelab.failure ? [homelab] : []), ...(plan?.failure ? [plan] : [])];
if (failed.length) {
  say(`${failed.length} measurement(s) failed; see PROBLEM / FAILED above.`);
  process.exitCode = 1;
}
