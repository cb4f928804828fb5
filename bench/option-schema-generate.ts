/**
 * `typeflake generate` on a synthetic fleet with and without its own option schema of nixpkgs'
 * size (20,000+ options: the shipped ones plus the synthetic services of
 * `synthetic/option-schema.ts`, in `.typeflake/options/` as `options import`/`sync` write it), the
 * same fleet otherwise, each run on empty output as a child process of the compiled CLI. Issue 13
 * asks that the fleet's schema slow generate by at most 10 %. Also times reading each index in
 * this process (`loadOptionIndex`: what the schema adds to a run).
 *
 *   npx tsx bench/option-schema-generate.ts [runs]   (npm run bench runs it too)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FLEET_SCHEMA_DIR } from "../generators/options/fleet-schema.ts";
import { type Measured, measure, measuredNode } from "./measure/child.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { duration, table } from "./report/table.ts";
import { failureOf, statsOf, type RunStats } from "./runs.ts";
import { fleetOptionSchemaFiles } from "./synthetic/fleet-option-schema.ts";
import type { FleetSpec } from "./synthetic/spec.ts";
import { writeSyntheticFleet } from "./synthetic/write-fleet.ts";
import { messageOf } from "../generators/diagnostics/messages/index.ts";

/** The target of issue 13: generate at most this much slower with the fleet's schema. */
const TARGET_SLOWDOWN = 0.1;

/** The fleets: small (where reading the index weighs most) and a hundred hosts. */
const SPECS: readonly FleetSpec[] = [
  { hosts: 10, layout: "folders", topology: "hub" },
  { hosts: 100, layout: "folders", topology: "hub" },
];

/** One fleet's figures: generate without and with the schema. */
export interface SchemaGenerateResult {
  readonly spec: FleetSpec;
  readonly without?: RunStats;
  readonly with?: RunStats;
  readonly failure?: string;
}

/** Everything measured. */
export interface OptionSchemaGenerateResult {
  readonly optionCount: number;
  /** Size of the fleet's index.json, in MB. */
  readonly indexMb: number;
  /** Reading the index in process, fastest of the runs: [the fleet's, the shipped one]. */
  readonly readIndexMs: readonly [number, number];
  readonly fleets: readonly SchemaGenerateResult[];
}

/** Measure every fleet, `runs` times each way, and the index reads. */
export async function benchOptionSchemaGenerate(runs: number): Promise<OptionSchemaGenerateResult> {
  const { files, optionCount } = fleetOptionSchemaFiles();
  const fleets: SchemaGenerateResult[] = [];
  for (const spec of SPECS) fleets.push(await benchFleet(spec, runs, files));
  const { loadOptionIndex } = await import("../generators/load/fleet-option-index.ts");
  const withSchema = join(SCRATCH, "option-schema-index");
  writeSchema(withSchema, files);
  const fastest = async (root: string): Promise<number> => {
    const times: number[] = [];
    for (let run = 0; run < Math.max(runs, 3); run++) {
      const start = performance.now();
      const loaded = await loadOptionIndex(root);
      if (!loaded.index) throw new Error(`the index in ${root} does not load: ${(loaded.diagnostics[0] && messageOf(loaded.diagnostics[0]))}`);
      times.push(performance.now() - start);
    }
    return Math.min(...times);
  };
  // The shipped index is cached after its first read: its first read is what a run pays.
  const shippedStart = performance.now();
  await loadOptionIndex(join(SCRATCH, "option-schema-none"));
  const shippedMs = performance.now() - shippedStart;
  return {
    optionCount,
    indexMb: Buffer.byteLength(files["index.json"] ?? "") / 1e6,
    readIndexMs: [await fastest(withSchema), shippedMs],
    fleets,
  };
}

function writeSchema(root: string, files: Readonly<Record<string, string>>): void {
  mkdirSync(join(root, FLEET_SCHEMA_DIR), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, FLEET_SCHEMA_DIR, name), text);
}

async function benchFleet(spec: FleetSpec, runs: number, files: Readonly<Record<string, string>>): Promise<SchemaGenerateResult> {
  const generateOnce = async (withSchema: boolean) => {
    const root = join(SCRATCH, `option-schema-${withSchema ? "with" : "without"}-${spec.hosts}`);
    rmSync(root, { recursive: true, force: true });
    await writeSyntheticFleet(root, spec);
    if (withSchema) writeSchema(root, files);
    const [command, args] = measuredNode([CLI, "generate", "-C", root]);
    return measure(command, args, REPOSITORY);
  };
  // Alternated run by run, so a change in the machine's load hits both sides alike.
  const without: Measured[] = [];
  const withSchema: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    without.push(await generateOnce(false));
    withSchema.push(await generateOnce(true));
  }
  const failure = failureOf(without, "generate (without the schema)") ?? failureOf(withSchema, "generate (with the schema)");
  if (failure !== undefined) return { spec, failure };
  return { spec, without: statsOf(without), with: statsOf(withSchema) };
}

/** The figures as a table, with the slowdown against the target. */
export function optionSchemaGenerateReport(result: OptionSchemaGenerateResult): string {
  const percent = (base: number | undefined, value: number | undefined): string =>
    base === undefined || value === undefined ? "–" : `${(((value - base) / base) * 100).toFixed(1)} %`;
  const rows = result.fleets.map((fleet) => [
    `${fleet.spec.hosts} hosts`,
    duration(fleet.without?.wallMs),
    duration(fleet.with?.wallMs),
    percent(fleet.without?.wallMs, fleet.with?.wallMs),
    duration(fleet.without?.cpuMs),
    duration(fleet.with?.cpuMs),
    percent(fleet.without?.cpuMs, fleet.with?.cpuMs),
    fleet.failure ? `FAILED: ${fleet.failure.split("\n")[0]}` : "",
  ]);
  return [
    `== generate with the fleet's own option schema (${result.optionCount.toLocaleString("en-US")} options, index.json ${result.indexMb.toFixed(1)} MB; target: at most ${TARGET_SLOWDOWN * 100} % slower)`,
    table(["fleet", "wall without", "wall with", "slower", "CPU without", "CPU with", "slower", ""], rows),
    `reading the index in process: the fleet's ${duration(result.readIndexMs[0])}, the shipped one ${duration(result.readIndexMs[1])}`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The CLI under test is the compiled one, as users run it (as `npm run bench` does).
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPOSITORY, stdio: ["ignore", "ignore", "inherit"] });
  const runs = Number(process.argv[2] ?? 3);
  console.log(optionSchemaGenerateReport(await benchOptionSchemaGenerate(runs)));
}
