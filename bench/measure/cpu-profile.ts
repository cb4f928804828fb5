/**
 * Read a V8 `.cpuprofile` (from `node --cpu-prof`) and rank where the time went by self time:
 * per function (`file:line function`) and per area (a package, a typeflake folder, Node's module
 * loader, …). Paths inside the repository are shown relative to it; dependencies as
 * `node_modules/<package>/…`.
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
  readonly areas: readonly Hotspot[];
}

/** `file:///work/main/generators/x.ts?q` → `generators/x.ts`; V8's pseudo-frames keep their names. */
const shortFile = (url: string, repository: string): string => {
  if (url === "") return "";
  const path = url.startsWith("file://") ? fileURLToPath(url.replace(/\?.*$/, "")) : url;
  const inside = path.startsWith(`${repository}/`) ? path.slice(repository.length + 1) : path;
  return inside.replace(/^.*\/node_modules\//, "node_modules/");
};

/** What a file belongs to: `node_modules/zod`, `generators/lower`, `node: module loader`, … */
const areaOf = (file: string, fn: string): string => {
  if (file === "") return fn.startsWith("(") ? fn : "native code (no source)";
  const segments = file.split("/");
  if (file.startsWith("node_modules/")) return segments.slice(0, file.startsWith("node_modules/@") ? 3 : 2).join("/");
  if (file.startsWith("generators/")) return segments.length > 2 ? segments.slice(0, 2).join("/") : "generators (top level)";
  if (file.startsWith("dsl/")) return "dsl";
  if (file.startsWith("bench/.fleets/")) return "the fleet's own files";
  if (/^node:internal\/(modules|deps\/cjs-module-lexer)/.test(file)) return "node: module loader";
  if (file.startsWith("node:")) return "node: other internals";
  return file;
};

const frameName = ({ functionName, url, lineNumber }: CallFrame, repository: string): { fn: string; area: string } => {
  const file = shortFile(url, repository);
  const fn = functionName || "(anonymous)";
  return { fn: file ? `${file}:${lineNumber + 1} ${fn}` : fn, area: areaOf(file, fn) };
};

const ranked = (totals: Map<string, number>, totalMs: number, top: number): Hotspot[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfMs]) => ({ name, selfMs, percent: (100 * selfMs) / totalMs }));

/** The `top` hottest functions and areas of the profile at `path`. */
export const summarizeProfile = async (path: string, repository: string, top = 15): Promise<ProfileSummary> => {
  const profile = JSON.parse(await readFile(path, "utf8")) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame, repository)]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    totalMs += ms;
    byFunction.set(frame.fn, (byFunction.get(frame.fn) ?? 0) + ms);
    byArea.set(frame.area, (byArea.get(frame.area) ?? 0) + ms);
  });
  return { totalMs, functions: ranked(byFunction, totalMs, top), areas: ranked(byArea, totalMs, top) };
};
