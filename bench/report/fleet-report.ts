/** The printed report of one synthetic fleet, and the summary across fleets. */
import type { FleetResult } from "../fleet-bench.ts";
import type { RunStats } from "../runs.ts";
import type { FleetSpec } from "../synthetic/spec.ts";
import { bytes, count, duration, megabytes, ratio, table } from "./table.ts";

const LAYOUT_NAMES = { folders: "one host.ts per host folder", "one-file": "hosts defined in one file (loop)" } as const;
const TOPOLOGY_NAMES = { hub: "WireGuard hub and spoke", mesh: "WireGuard full mesh" } as const;

/** `1,000 hosts, one host.ts per host folder, WireGuard hub and spoke`. */
export const describeSpec = (spec: FleetSpec): string =>
  `${count(spec.hosts)} hosts, ${LAYOUT_NAMES[spec.layout]}, ${TOPOLOGY_NAMES[spec.topology]}`;

const perHost = (ms: number | undefined, hosts: number): string => (ms === undefined ? "–" : (ms / hosts).toFixed(2));

/** The table of one fleet: both commands, both baselines and the ratios to them. */
export const fleetReport = (result: FleetResult): string => {
  const { spec } = result;
  const title = `== ${describeSpec(spec)}  [bench/.fleets/${result.root.split("/").pop() ?? ""}]`;
  if (!result.generate || !result.output) return `${title}\nFAILED: ${result.failure ?? "no figures"}`;
  const nixMs = result.nix?.ok ? result.nix.wallMs : undefined;
  const jsonMs = result.phases?.stringifyMs;
  const row = (name: string, ms: number | undefined, cpu: number | undefined, rss: number | undefined, compare: boolean): string[] => [
    name,
    duration(ms),
    duration(cpu),
    megabytes(rss),
    perHost(ms, spec.hosts),
    compare && ms !== undefined && nixMs !== undefined ? ratio(ms / nixMs) : "",
    compare && ms !== undefined && jsonMs !== undefined ? ratio(ms / jsonMs) : "",
  ];
  const nixName = result.nix?.ok ? `nix-instantiate --parse, all .nix (${result.nix.calls} call${result.nix.calls === 1 ? "" : "s"})` : `nix-instantiate --parse: ${result.nix?.reason ?? "not run"}`;
  const measured: [string, RunStats | undefined][] = [
    ["typeflake generate (cold, empty output)", result.generate],
    ["typeflake generate --check (nothing changed, first run: reads every file)", result.firstCheck],
    ["typeflake generate --check (nothing changed)", result.check],
    ["typeflake generate (nothing changed)", result.current],
    ["typeflake generate (one host changed)", result.oneChanged],
    ["typeflake generate --watch: one host changed (wall only)", result.oneChangedWatched],
    ["npm run generate (cold)", result.npmGenerate],
    ["installed package's bin: typeflake generate (cold)", result.installedGenerate],
  ];
  const rows = [
    ...measured.flatMap(([name, stats]) => (stats ? [row(name, stats.wallMs, stats.cpuMs, stats.rssMb, true)] : [])),
    row(`baseline: ${nixName}`, nixMs, undefined, undefined, false),
    row("baseline: JSON.stringify(validated model)", jsonMs, undefined, undefined, false),
  ];
  const { output, phases } = result;
  const lines = [
    title,
    `output: ${count(output.files)} files (${count(output.nixFiles)} .nix), ${bytes(output.bytes)} written` +
      (result.peers !== undefined ? `; ${count(result.peers)} WireGuard peer entries` : "") +
      (phases ? `; JSON model ${bytes(phases.jsonBytes)}` : ""),
    table(["", "wall", "CPU", "peak RSS", "ms/host", "/ nix parse", "/ JSON"], rows),
  ];
  if (phases)
    lines.push(
      `in-process stages: load TS ${duration(phases.loadMs)} · validate ${duration(phases.validateMs)} · lower ${duration(phases.lowerMs)} · cross-host checks ${duration(phases.crossHostMs)} · file plan ${duration(phases.planMs)}`,
    );
  lines.push(
    `(median of ${result.generate.runs} run${result.generate.runs === 1 ? "" : "s"}; CPU = user + system time of all the child's threads; peak RSS is the highest run; ms/host and ratios use wall time)`,
  );
  if (result.failure) lines.push(`PROBLEM: ${result.failure}`);
  return lines.join("\n");
};

/** One line per fleet, for comparing sizes at a glance. */
export const summaryReport = (results: readonly FleetResult[]): string =>
  table(
    ["fleet", "hosts", "generate", "--check", "peak RSS", "ms/host", "written", "nix parse", "JSON", "gen / nix", "gen / JSON"],
    results.map((result) => {
      const nixMs = result.nix?.ok ? result.nix.wallMs : undefined;
      const jsonMs = result.phases?.stringifyMs;
      const generateMs = result.generate?.wallMs;
      const rss = [result.generate?.rssMb, result.check?.rssMb].filter((value) => value !== undefined);
      return [
        `${result.spec.topology} ${result.spec.layout}`,
        count(result.spec.hosts),
        duration(generateMs),
        duration(result.check?.wallMs),
        megabytes(rss.length ? Math.max(...rss) : undefined),
        perHost(generateMs, result.spec.hosts),
        result.output ? bytes(result.output.bytes) : "–",
        duration(nixMs),
        duration(jsonMs),
        generateMs !== undefined && nixMs !== undefined ? ratio(generateMs / nixMs) : "–",
        generateMs !== undefined && jsonMs !== undefined ? ratio(generateMs / jsonMs) : "–",
      ];
    }),
  );
