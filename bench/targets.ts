/**
 * The performance targets (issue 9), judged on the figures of one run. A target whose figure is
 * missing (a smoke run, a failed fleet) is "n/a", never a pass.
 */
import type { FleetResult } from "./fleet-bench.ts";
import type { HomelabResult } from "./homelab.ts";
import { duration, megabytes, ratio } from "./report/table.ts";
import type { Layout } from "./synthetic/spec.ts";

/** One target and how this run did. */
export interface TargetResult {
  readonly target: string;
  readonly actual: string;
  /** undefined: not measured in this run. */
  readonly pass: boolean | undefined;
}

const LIMITS = {
  generateMs: 1000,
  checkMs: 800,
  rssMb: 300,
  scaling: 11,
  homelabMs: 600,
} as const;

const judge = (target: string, value: number | undefined, limit: number, show: (value: number) => string): TargetResult =>
  value === undefined ? { target, actual: "n/a", pass: undefined } : { target, actual: show(value), pass: value <= limit };

const hubFleet = (results: readonly FleetResult[], hosts: number, layout: Layout) =>
  results.find((result) => result.spec.topology === "hub" && result.spec.hosts === hosts && result.spec.layout === layout);

const maxOf = (...values: (number | undefined)[]): number | undefined => {
  const known = values.filter((value) => value !== undefined);
  return known.length ? Math.max(...known) : undefined;
};

/** The targets for one layout of the 1,000-host hub-and-spoke fleet. */
const layoutTargets = (results: readonly FleetResult[], layout: Layout): TargetResult[] => {
  const large = hubFleet(results, 1000, layout);
  const medium = hubFleet(results, 100, layout);
  const growth = large?.generate && medium?.generate ? large.generate.wallMs / medium.generate.wallMs : undefined;
  return [
    judge(`1,000 hosts (${layout}): generate <= 1.0 s`, large?.generate?.wallMs, LIMITS.generateMs, duration),
    judge(`1,000 hosts (${layout}): generate --check <= 0.8 s`, large?.check?.wallMs, LIMITS.checkMs, duration),
    judge(`1,000 hosts (${layout}): peak RSS <= 300 MB`, maxOf(large?.generate?.rssMb, large?.check?.rssMb), LIMITS.rssMb, megabytes),
    judge(`100 -> 1,000 hosts (${layout}): generate time <= 11x`, growth, LIMITS.scaling, ratio),
  ];
};

/** Every target, judged. */
export const judgeTargets = (results: readonly FleetResult[], homelab: HomelabResult | undefined): TargetResult[] => [
  ...layoutTargets(results, "folders"),
  ...layoutTargets(results, "one-file"),
  judge("homelab npm run generate (empty output) <= 0.6 s", homelab?.cold?.wallMs, LIMITS.homelabMs, duration),
  judge("homelab npm run generate (up to date) <= 0.6 s", homelab?.current?.wallMs, LIMITS.homelabMs, duration),
];
