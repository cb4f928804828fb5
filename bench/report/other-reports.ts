/** The printed reports of the homelab run, the targets, and a CPU profile. */
import type { HomelabResult } from "../homelab.ts";
import type { RunStats } from "../runs.ts";
import type { Hotspot, ProfileSummary } from "../measure/cpu-profile.ts";
import type { TargetResult } from "../targets.ts";
import type { Floors } from "../measure/floors.ts";
import { duration, megabytes, table } from "./table.ts";

/** The homelab's `npm run generate` figures. */
export const homelabReport = (result: HomelabResult): string => {
  const title = "== reference homelab (repository sources, copied to bench/.fleets/homelab)";
  if (!result.cold) return `${title}\nFAILED: ${result.failure ?? "no figures"}`;
  const row = (name: string, stats: RunStats): string[] => [
    name,
    duration(stats.wallMs),
    duration(stats.minMs),
    duration(stats.cpuMs),
    megabytes(stats.rssMb),
  ];
  const measured: [string, RunStats | undefined][] = [
    ["npm run generate (cold, empty output)", result.cold],
    ["npm run generate (everything up to date)", result.current],
    ["node bin/typeflake.mjs generate (up to date, no npm; compiled)", result.direct],
    ["the same from the sources through tsx (before compiling)", result.directFromSources],
    ["node bin/typeflake.mjs generate --no-cache (the whole pipeline; compiled)", result.uncached],
    ["node bin/typeflake.mjs generate after one host's file changed (an edit loop)", result.edited],
    ["the same edit under generate --watch (wall only)", result.watched],
    ["node bin/typeflake.mjs --version (start-up alone; compiled)", result.startup],
    ["the same from the sources through tsx (before compiling)", result.startupFromSources],
    ["installed package's bin: generate (up to date)", result.installed],
    ["installed package's bin: --version", result.installedStartup],
    ["installed package's bin: schema", result.installedSchema],
  ];
  const rows = measured.flatMap(([name, stats]) => (stats ? [row(name, stats)] : []));
  return [title, table(["", "median wall", "fastest", "CPU", "peak RSS"], rows), ...(result.failure ? [`PROBLEM: ${result.failure}`] : [])].join("\n");
};

const VERDICT = { true: "PASS", false: "MISS", undefined: "n/a" } as const;

/** PASS / MISS / n/a per target, beside its floor. */
export const targetsReport = (targets: readonly TargetResult[]): string =>
  table(
    ["target", "this run", "floor (same run)", "verdict"],
    targets.map((target) => [target.target, target.actual, target.floor, VERDICT[`${target.pass}`]]),
  );

/** The floors of start-up figures. */
export const floorsReport = (floors: Floors): string =>
  [
    "== floors (what a run that does nothing costs)",
    table(
      ["", "median wall", "fastest", "CPU", "peak RSS"],
      [
        ["node -e 0", duration(floors.node.wallMs), duration(floors.node.minMs), duration(floors.node.cpuMs), megabytes(floors.node.rssMb)],
        ["npm run (a script running node -e 0)", duration(floors.npmRun.wallMs), duration(floors.npmRun.minMs), "–", "–"],
        ...(floors.withStartupCosts ? [startupCostsRow(floors.withStartupCosts.variables, floors.withStartupCosts.node)] : []),
      ],
    ),
    ...(floors.withStartupCosts
      ? [`Every figure is measured without this shell's ${floors.withStartupCosts.variables.join(", ")}, which each Node process (npm's too) loads as it starts; typeflake uses none of it (bench/measure/environment.ts).`]
      : []),
  ].join("\n");

const startupCostsRow = (variables: readonly string[], node: RunStats): string[] => [
  `node -e 0 with ${variables.join(", ")}`,
  duration(node.wallMs),
  duration(node.minMs),
  duration(node.cpuMs),
  megabytes(node.rssMb),
];

const hotspots = (title: string, spots: readonly Hotspot[]): string =>
  table([title, "ms", "%"], spots.map((spot) => [spot.name, spot.ms.toFixed(0), spot.percent.toFixed(1)]));

/** The hottest areas and functions of a profile. */
export const profileReport = (title: string, summary: ProfileSummary): string =>
  [
    `-- ${title}: ${duration(summary.totalMs)} sampled`,
    hotspots("self time by area", summary.areas),
    hotspots("self time by function", summary.functions),
    ...(summary.inclusive.length ? [hotspots("typeflake functions by inclusive time", summary.inclusive)] : []),
  ].join("\n\n");
