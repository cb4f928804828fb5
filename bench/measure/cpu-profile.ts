/**
 * Read a V8 `.cpuprofile` (from `node --cpu-prof`) and rank where the time went by self time:
 * per function (`file:line function`) and per file. Paths inside the repository are shown
 * relative to it; dependencies as `node_modules/<package>/…`.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time spent in one function or file. */
export interface Hotspot {
  readonly name: string;
  readonly selfMs: number;
  /** Share of all sampled time, 0–100. */
  readonly percent: number;
}

/** A profile ranked by self time. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly Hotspot[];
  readonly files: readonly Hotspot[];
}

/** `file:///work/main/generators/x.ts?q` → `generators/x.ts`; V8's pseudo-frames keep their names. */
const shortFile = (url: string, repository: string): string => {
  if (url === "") return "";
  const path = url.startsWith("file://") ? fileURLToPath(url.replace(/\?.*$/, "")) : url;
  const inside = path.startsWith(`${repository}/`) ? path.slice(repository.length + 1) : path;
  return inside.replace(/^.*\/node_modules\//, "node_modules/");
};

const frameName = ({ functionName, url, lineNumber }: CallFrame, repository: string): { fn: string; file: string } => {
  const file = shortFile(url, repository);
  const fn = functionName || "(anonymous)";
  return { fn: file ? `${file}:${lineNumber + 1} ${fn}` : fn, file: file || fn };
};

const ranked = (totals: Map<string, number>, totalMs: number, top: number): Hotspot[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfMs]) => ({ name, selfMs, percent: (100 * selfMs) / totalMs }));

/** The `top` hottest functions and files of the profile at `path`. */
export const summarizeProfile = async (path: string, repository: string, top = 15): Promise<ProfileSummary> => {
  const profile = JSON.parse(await readFile(path, "utf8")) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame, repository)]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    totalMs += ms;
    byFunction.set(frame.fn, (byFunction.get(frame.fn) ?? 0) + ms);
    byFile.set(frame.file, (byFile.get(frame.file) ?? 0) + ms);
  });
  return { totalMs, functions: ranked(byFunction, totalMs, top), files: ranked(byFile, totalMs, top) };
};
