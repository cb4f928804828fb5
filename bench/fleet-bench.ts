/**
 * Benchmark one synthetic fleet: `generate` on empty output, `generate --check` and `generate`
 * with nothing changed, and `generate` with one host changed, each as a child process (wall time,
 * CPU time, peak RSS), then the two baselines on the same output and the in-process stage times.
 * The largest fleets' cold generate is also measured as users run it: `npm run generate` and the
 * installed package's bin.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { measure, measuredNode, type Measured } from "./measure/child.ts";
import { nixParse, type NixParse } from "./measure/nix-parse.ts";
import { measureWatch } from "./measure/watch.ts";
import { countPeerEntries, generatedFiles } from "./measure/output.ts";
import type { Phases } from "./measure/phases.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { afterClockSlack, failureOf, repeat, statsIfRun, statsOf, type RunStats } from "./runs.ts";
import { specLabel, type FleetSpec } from "./synthetic/spec.ts";
import { writeSyntheticFleet } from "./synthetic/write-fleet.ts";
import { oneHostEdit } from "./synthetic/one-host-edit.ts";

/** Everything measured on one fleet; `failure` says why the rest is missing. */
export interface FleetResult {
  readonly spec: FleetSpec;
  readonly root: string;
  readonly generate?: RunStats;
  readonly check?: RunStats;
  /**
   * The first `generate --check` after the cold run's files settled: it reads every file (the hash
   * memo has not seen the written ones yet) and remembers them for the runs measured after it.
   */
  readonly firstCheck?: RunStats;
  /** `generate` again, nothing changed. */
  readonly current?: RunStats;
  /** `generate` after one host's file changed (host-folder layout: in the other one, every host comes from one file). */
  readonly oneChanged?: RunStats;
  /** The same edit under `generate --watch`, wall time only (the largest host-folder fleets; see `measure/watch.ts`). */
  readonly oneChangedWatched?: RunStats;
  /** Cold `npm run generate -- -C <fleet>` (the largest fleets only). */
  readonly npmGenerate?: RunStats;
  /** Cold `generate` through the installed package's bin (the largest fleets only). */
  readonly installedGenerate?: RunStats;
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

/** `typeflake generate [--check] -C root` through `bin` (the repository's unless told another), measured. */
const typeflake = (root: string, flags: readonly string[] = [], bin = CLI) => {
  const [command, args] = measuredNode([bin, "generate", ...flags, "-C", root]);
  return measure(command, args, REPOSITORY);
};

/** The fleets whose cold generate is also measured through npm and the installed package. */
const AS_USERS_RUN_IT_FROM = 1000;

/** The edit of {@link oneHostChanged} under one `generate --watch`, at least five times (a watch's runs are short). */
const oneHostChangedWatched = (root: string, runs: number): Promise<Measured[]> => {
  const edit = oneHostEdit(root);
  return measureWatch(CLI, root, { change: (run) => edit.change(9000 + run), restore: edit.restore }, Math.max(runs, 5), REPOSITORY);
};

/** `generate` after changing one host (see `one-host-edit.ts`); the host and the output are restored afterwards. */
const oneHostChanged = async (root: string, runs: number): Promise<Measured[]> => {
  const edit = oneHostEdit(root);
  let run = 0;
  try {
    return await repeat(runs, () => {
      edit.change(9000 + run++);
      return typeflake(root);
    });
  } finally {
    edit.restore();
    await typeflake(root);
  }
};

/** Benchmark `spec`, `runs` times per command; the largest fleets also through `installedBin` when given. */
export const benchFleet = async (spec: FleetSpec, runs: number, installedBin?: string): Promise<FleetResult> => {
  const root = join(SCRATCH, specLabel(spec));
  let sources: string[] = [];
  const cold = (run: () => Promise<Measured>) =>
    repeat(runs, async () => {
      sources = await writeSyntheticFleet(root, spec);
      return run();
    });
  const asUsersRunIt = spec.hosts >= AS_USERS_RUN_IT_FROM;
  // Cold means the whole pipeline: --no-cache, or the record of the previous cold run (same files) would answer.
  const npmGenerated = asUsersRunIt ? await cold(() => measure("npm", ["run", "generate", "--", "-C", root, "--no-cache"], REPOSITORY)) : [];
  const installedGenerated = asUsersRunIt && installedBin ? await cold(() => typeflake(root, ["--no-cache"], installedBin)) : [];
  const generated = await cold(() => typeflake(root, ["--no-cache"]));
  const generateFailure = failureOf([...generated, ...npmGenerated, ...installedGenerated], "generate");
  if (generateFailure) return { spec, root, failure: generateFailure };
  // As in a real next run, the written files are older than the hash memo's clock slack; before
  // that, each run reads every file (files changed within the slack are never remembered).
  await afterClockSlack();
  const firstChecked = await repeat(1, () => typeflake(root, ["--check"]));
  const checked = await repeat(runs, () => typeflake(root, ["--check"]));
  const current = await repeat(runs, () => typeflake(root));
  const oneChanged = spec.layout === "folders" ? await oneHostChanged(root, runs) : [];
  const oneChangedWatched = spec.layout === "folders" && asUsersRunIt ? await oneHostChangedWatched(root, runs) : [];
  const output = await generatedFiles(root, new Set(sources));
  const nixFiles = output.filter((file) => file.path.endsWith(".nix")).map((file) => file.path);
  const nix = await nixParse(nixFiles, root);
  const phases = await measurePhases(root);
  const problems = [
    failureOf([...firstChecked, ...checked], "generate --check (nothing changed)"),
    failureOf(current, "generate (nothing changed)"),
    failureOf(oneChanged, "generate (one host changed)"),
    failureOf(oneChangedWatched, "generate --watch (one host changed)"),
    nix.ok || nix.unavailable ? undefined : `the generated Nix does not parse:\n${nix.reason}`,
    typeof phases === "string" ? phases : undefined,
  ].filter((problem) => problem !== undefined);
  return {
    spec,
    root,
    generate: statsOf(generated),
    check: statsOf(checked),
    firstCheck: statsOf(firstChecked),
    current: statsOf(current),
    oneChanged: statsIfRun(oneChanged),
    oneChangedWatched: statsIfRun(oneChangedWatched),
    npmGenerate: statsIfRun(npmGenerated),
    installedGenerate: statsIfRun(installedGenerated),
    output: { files: output.length, nixFiles: nixFiles.length, bytes: output.reduce((sum, file) => sum + file.bytes, 0) },
    nix,
    peers: await countPeerEntries(root, output),
    ...(typeof phases === "string" ? {} : { phases }),
    ...(problems.length ? { failure: problems.join("\n") } : {}),
  };
};
