/**
 * The performance targets (issue 16), judged on the figures of one run, each shown beside its
 * floor measured in the same run. A target whose figure is missing (a smoke run, a failed fleet,
 * no installed package) is "n/a", never a pass.
 */
import type { FleetResult } from "./fleet-bench.ts";
import type { HomelabResult } from "./homelab.ts";
import type { Floors } from "./measure/floors.ts";
import { duration, megabytes, ratio } from "./report/table.ts";
import type { RunStats } from "./runs.ts";
import type { Layout } from "./synthetic/spec.ts";

/** One target and how this run did. */
export interface TargetResult {
  readonly target: string;
  readonly actual: string;
  /** What the same figure is for a run that does nothing (or for reading the output), in this run. */
  readonly floor: string;
  /** undefined: not measured in this run. */
  readonly pass: boolean | undefined;
}

const LIMITS = {
  homelabCpuMs: 350,
  npmGenerateMs: 550,
  versionMs: 150,
  largeCpuPerParse: 10,
  largeWallMs: 1500,
  largeRssMb: 250,
  growth: 10,
  unchangedMs: 500,
  oneChangedMs: 600,
  schemaMs: 500,
} as const;

const judge = (target: string, value: number | undefined, limit: number, show: (value: number) => string, floor: string): TargetResult =>
  value === undefined ? { target, actual: "n/a", floor, pass: undefined } : { target, actual: show(value), floor, pass: value <= limit };

const hubFleet = (results: readonly FleetResult[], hosts: number, layout: Layout) =>
  results.find((result) => result.spec.topology === "hub" && result.spec.hosts === hosts && result.spec.layout === layout);

const maxOf = (...values: (number | undefined)[]): number | undefined => {
  const known = values.filter((value) => value !== undefined);
  return known.length ? Math.max(...known) : undefined;
};

const nixParseMs = (result: FleetResult | undefined): number | undefined => (result?.nix?.ok ? result.nix.wallMs : undefined);

const wall = (stats: RunStats | undefined): string => `${duration(stats?.wallMs)} wall`;
const cpu = (stats: RunStats | undefined): string => `${duration(stats?.cpuMs)} CPU`;

/** The cold 1,000-host targets for one layout. */
const largeTargets = (results: readonly FleetResult[], layout: Layout, floors: Floors | undefined): TargetResult[] => {
  const large = hubFleet(results, 1000, layout);
  const medium = hubFleet(results, 100, layout);
  const parseMs = nixParseMs(large);
  const parseFloor = `nix-instantiate --parse ${duration(parseMs)}`;
  const perParse = large?.generate?.cpuMs !== undefined && parseMs !== undefined ? large.generate.cpuMs / parseMs : undefined;
  const growth = large?.generate && medium?.generate ? large.generate.wallMs / medium.generate.wallMs : undefined;
  const parseGrowth = parseMs !== undefined && nixParseMs(medium) !== undefined ? parseMs / (nixParseMs(medium) as number) : undefined;
  return [
    judge(`1,000 hosts (${layout}), cold: generate CPU <= 10x the parse floor`, perParse, LIMITS.largeCpuPerParse, ratio, parseFloor),
    judge(`1,000 hosts (${layout}), cold: generate <= 1.5 s wall`, large?.generate?.wallMs, LIMITS.largeWallMs, duration, parseFloor),
    judge(
      `1,000 hosts (${layout}): peak RSS <= 250 MB`,
      maxOf(large?.generate?.rssMb, large?.check?.rssMb, large?.current?.rssMb),
      LIMITS.largeRssMb,
      megabytes,
      `node -e 0 ${megabytes(floors?.node.rssMb)}`,
    ),
    judge(`100 -> 1,000 hosts (${layout}): generate wall time grows <= 10x`, growth, LIMITS.growth, ratio, `parse time grows ${ratio(parseGrowth)}`),
  ];
};

/** The 1,000-host runs that find (almost) nothing to do, on the host-folder layout. */
const incrementalTargets = (results: readonly FleetResult[], homelab: HomelabResult | undefined): TargetResult[] => {
  const large = hubFleet(results, 1000, "folders");
  const startup = `--version ${wall(homelab?.startup)}`;
  return [
    judge("1,000 hosts, nothing changed: generate <= 0.5 s wall", large?.current?.wallMs, LIMITS.unchangedMs, duration, startup),
    judge("1,000 hosts, nothing changed: generate --check <= 0.5 s wall", large?.check?.wallMs, LIMITS.unchangedMs, duration, startup),
    judge("1,000 hosts, one host changed: generate <= 0.6 s wall", large?.oneChanged?.wallMs, LIMITS.oneChangedMs, duration, startup),
    // Not issue 16's target (a run of its own), but the same edit as a user with a watch waits for it.
    judge("1,000 hosts, one host changed: generate --watch <= 0.6 s wall", large?.oneChangedWatched?.wallMs, LIMITS.oneChangedMs, duration, startup),
  ];
};

/** The homelab's and start-up targets, as users run typeflake. */
const homelabTargets = (homelab: HomelabResult | undefined, floors: Floors | undefined): TargetResult[] => {
  const nodeCpu = `node -e 0 ${cpu(floors?.node)}`;
  const npmRun = `npm run (no-op) ${wall(floors?.npmRun)}`;
  return [
    judge("homelab: installed bin generate (up to date) <= 0.35 s CPU", homelab?.installed?.cpuMs, LIMITS.homelabCpuMs, duration, nodeCpu),
    judge("homelab: node bin/typeflake.mjs generate (up to date) <= 0.35 s CPU", homelab?.direct?.cpuMs, LIMITS.homelabCpuMs, duration, nodeCpu),
    judge("homelab: generate --no-cache (whole pipeline) <= 0.35 s CPU", homelab?.uncached?.cpuMs, LIMITS.homelabCpuMs, duration, nodeCpu),
    judge("homelab: npm run generate (empty output) <= 0.55 s wall", homelab?.cold?.wallMs, LIMITS.npmGenerateMs, duration, npmRun),
    judge("homelab: npm run generate (up to date) <= 0.55 s wall", homelab?.current?.wallMs, LIMITS.npmGenerateMs, duration, npmRun),
    judge("installed bin --version <= 0.15 s CPU", homelab?.installedStartup?.cpuMs, LIMITS.versionMs, duration, nodeCpu),
    judge("installed bin schema <= 0.5 s wall", homelab?.installedSchema?.wallMs, LIMITS.schemaMs, duration, `node -e 0 ${wall(floors?.node)}`),
  ];
};

/** Every target, judged. */
export const judgeTargets = (results: readonly FleetResult[], homelab: HomelabResult | undefined, floors: Floors | undefined): TargetResult[] => [
  ...homelabTargets(homelab, floors),
  ...largeTargets(results, "folders", floors),
  ...largeTargets(results, "one-file", floors),
  ...incrementalTargets(results, homelab),
];
