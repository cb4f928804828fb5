/**
 * CPU-profile one `generate` (or `generate --check`) run with `node --cpu-prof` and summarise
 * each thread: the main thread, and the worker in which Node runs tsx's module hooks.
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { measure } from "./measure/child.ts";
import { summarizeProfile, type ProfileSummary } from "./measure/cpu-profile.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";

/** The summary of one thread's profile. */
export interface ThreadProfile {
  /** `main thread` or `module-hooks worker`. */
  readonly thread: string;
  readonly summary: ProfileSummary;
}

/** Node names profiles `CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile`; thread 0 is the main one. */
const threadOf = (file: string): string => (file.split(".")[4] === "0" ? "main thread" : "module-hooks worker");

/** Profile `typeflake generate <flags> -C root`; the .cpuprofile files stay in bench/.fleets/profiles/<label>. */
export const profileGenerate = async (root: string, flags: readonly string[], label: string): Promise<ThreadProfile[]> => {
  const dir = join(SCRATCH, "profiles", label);
  await rm(dir, { recursive: true, force: true });
  await measure(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, CLI, "generate", ...flags, "-C", root], REPOSITORY);
  const files = (await readdir(dir)).filter((file) => file.endsWith(".cpuprofile")).sort();
  return Promise.all(files.map(async (file) => ({ thread: threadOf(file), summary: await summarizeProfile(join(dir, file), REPOSITORY) })));
};
