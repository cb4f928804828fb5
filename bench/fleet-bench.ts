/**
 * Benchmark one synthetic fleet: `generate` on empty output and `generate --check` with nothing
 * changed, each as a child process (wall time, CPU time, peak RSS), then the two baselines on the
 * same output and the in-process stage times.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { measure, measuredNode } from "./measure/child.ts";
import { nixParse, type NixParse } from "./measure/nix-parse.ts";
import { countPeerEntries, generatedFiles } from "./measure/output.ts";
import type { Phases } from "./measure/phases.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { failureOf, repeat, statsOf, type RunStats } from "./runs.ts";
import { specLabel, type FleetSpec } from "./synthetic/spec.ts";
import { writeSyntheticFleet } from "./synthetic/write-fleet.ts";

/** Everything measured on one fleet; `failure` says why the rest is missing. */
export interface FleetResult {
  readonly spec: FleetSpec;
  readonly root: string;
  readonly generate?: RunStats;
  readonly check?: RunStats;
  readonly output?: { readonly files: number; readonly nixFiles: number; readonly bytes: number };
  readonly nix?: NixParse;
  readonly phases?: Phases;
  /** WireGuard peer entries in the generated host files. */
  readonly peers?: number;
  readonly failure?: string;
}

const PHASES_SCRIPT = join(REPOSITORY, "bench/measure/phases.ts");

/** The stage times, from a child process (so the bench's own memory stays out of the figures). */
const measurePhases = (root: string): Promise<Phases | string> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", PHASES_SCRIPT, root], { cwd: REPOSITORY, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve(code === 0 ? (JSON.parse(stdout) as Phases) : `stage timing failed: ${stderr.trim().split("\n").slice(0, 6).join("\n")}`));
  });

/** `typeflake generate [--check] -C root`, measured. */
const typeflake = (root: string, ...flags: string[]) => {
  const [command, args] = measuredNode([CLI, "generate", ...flags, "-C", root]);
  return measure(command, args, REPOSITORY);
};

/** Benchmark `spec`, `runs` times per command. */
export const benchFleet = async (spec: FleetSpec, runs: number): Promise<FleetResult> => {
  const root = join(SCRATCH, specLabel(spec));
  let sources: string[] = [];
  const generated = await repeat(runs, async () => {
    sources = await writeSyntheticFleet(root, spec);
    return typeflake(root);
  });
  const generateFailure = failureOf(generated, "generate");
  if (generateFailure) return { spec, root, failure: generateFailure };
  const checked = await repeat(runs, () => typeflake(root, "--check"));
  const output = await generatedFiles(root, new Set(sources));
  const nixFiles = output.filter((file) => file.path.endsWith(".nix")).map((file) => file.path);
  const nix = await nixParse(nixFiles, root);
  const phases = await measurePhases(root);
  const problems = [
    failureOf(checked, "generate --check (nothing changed)"),
    nix.ok || nix.unavailable ? undefined : `the generated Nix does not parse:\n${nix.reason}`,
    typeof phases === "string" ? phases : undefined,
  ].filter((problem) => problem !== undefined);
  return {
    spec,
    root,
    generate: statsOf(generated),
    check: statsOf(checked),
    output: { files: output.length, nixFiles: nixFiles.length, bytes: output.reduce((sum, file) => sum + file.bytes, 0) },
    nix,
    peers: await countPeerEntries(root, output),
    ...(typeof phases === "string" ? {} : { phases }),
    ...(problems.length ? { failure: problems.join("\n") } : {}),
  };
};
