/**
 * CPU-profile `generate` on a synthetic fleet with `node --cpu-prof` the three ways the targets
 * name: on empty output without the run cache, with nothing changed (the cache answering), and
 * with one host changed; and summarise each thread: the main thread, and any worker.
 */
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { measure } from "./measure/child.ts";
import { afterClockSlack } from "./runs.ts";
import { summarizeProfile, type ProfileSummary, type SourceMaps } from "./measure/cpu-profile.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { specLabel, type FleetSpec } from "./synthetic/spec.ts";
import { writeSyntheticFleet } from "./synthetic/write-fleet.ts";
import { oneHostEdit } from "./synthetic/one-host-edit.ts";

/** The summary of one thread's profile. */
export interface ThreadProfile {
  /** `main thread`, or `worker thread <id>`. */
  readonly thread: string;
  readonly summary: ProfileSummary;
}

/** Node names profiles `CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile`; thread 0 is the main one. */
const threadOf = (file: string): string => {
  const thread = file.split(".")[4];
  return thread === "0" ? "main thread" : `worker thread ${thread}`;
};

const SOURCE_MAPS_PRELOAD = new URL("./measure/source-maps-at-exit.mjs", import.meta.url).href;

/** Profile `typeflake generate <flags> -C root`; the .cpuprofile files stay in bench/.fleets/profiles/<label>. */
const profileGenerate = async (root: string, flags: readonly string[], label: string): Promise<ThreadProfile[]> => {
  const dir = join(SCRATCH, "profiles", label);
  const mapsFile = join(dir, "source-maps.json");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const profiling = ["--cpu-prof", "--cpu-prof-dir", dir, "--enable-source-maps", "--import", SOURCE_MAPS_PRELOAD];
  await measure(process.execPath, [...profiling, CLI, "generate", ...flags, "-C", root], REPOSITORY, { TYPEFLAKE_BENCH_SOURCE_MAPS: mapsFile });
  const maps = JSON.parse(await readFile(mapsFile, "utf8").catch(() => "{}")) as SourceMaps;
  const files = (await readdir(dir)).filter((file) => file.endsWith(".cpuprofile")).sort();
  return Promise.all(files.map(async (file) => ({ thread: threadOf(file), summary: await summarizeProfile(join(dir, file), REPOSITORY, maps) })));
};

/** The profiles of one command. */
export interface CommandProfile {
  readonly command: string;
  readonly threads: readonly ThreadProfile[];
}

/** Profile `generate` on empty output, with nothing changed, and with one host changed, on `spec`'s (host-folder) fleet. */
export const profileFleet = async (spec: FleetSpec): Promise<CommandProfile[]> => {
  const root = join(SCRATCH, specLabel(spec));
  await writeSyntheticFleet(root, spec);
  // --no-cache: the record of an earlier bench of the same fleet would otherwise answer.
  const cold = await profileGenerate(root, ["--no-cache"], "generate");
  // Nothing changed, as on a later day: the files settled, and a first run taught the hash memo.
  await afterClockSlack();
  await measure(process.execPath, [CLI, "generate", "-C", root], REPOSITORY);
  const unchanged = await profileGenerate(root, [], "unchanged");
  const edit = oneHostEdit(root);
  edit.change(9999);
  try {
    const changed = await profileGenerate(root, [], "one-changed");
    return [
      { command: "generate (cold, empty output, --no-cache)", threads: cold },
      { command: "generate (nothing changed)", threads: unchanged },
      { command: "generate (one host changed)", threads: changed },
    ];
  } finally {
    edit.restore();
  }
};
