/**
 * Read a V8 `.cpuprofile` (from `node --cpu-prof`) and rank where the time went: self time per
 * function (`file:line` and the line's text) and per area (a package, a typeflake folder, Node's
 * module loader, …), and inclusive time of typeflake's own functions, which shows which stage
 * drives the hot spots. Paths inside the repository are shown relative to it; dependencies as
 * `node_modules/<package>/…`.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { SourceMap, type SourceMapPayload } from "node:module";
import { fileURLToPath } from "node:url";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time spent in one function or area. */
export interface Hotspot {
  readonly name: string;
  readonly ms: number;
  /** Share of all sampled time, 0–100. */
  readonly percent: number;
}

/** A profile ranked by time. */
export interface ProfileSummary {
  readonly totalMs: number;
  /** By self time. */
  readonly functions: readonly Hotspot[];
  /** typeflake's own functions by inclusive time (their callees included). */
  readonly inclusive: readonly Hotspot[];
  /** By self time, per area. */
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

/** Source maps of compiled modules, by module URL (see source-maps-at-exit.mjs). */
export type SourceMaps = Readonly<Record<string, SourceMapPayload>>;

const sourceLines = new Map<string, readonly string[]>();

/** The lines of a TypeScript file (tsx's source maps carry no sources content). */
const linesOf = (url: string): readonly string[] => {
  let lines = sourceLines.get(url);
  if (!lines) {
    lines = url.startsWith("file://") ? readFileSync(fileURLToPath(url), "utf8").split("\n") : [];
    sourceLines.set(url, lines);
  }
  return lines;
};

/**
 * Where a compiled function starts in the file it was compiled from (a TypeScript file, or a
 * dependency's module inside a bundle chunk): the file's URL, `line N` and that line's text, which
 * names the function (tsx's output calls most functions "(anonymous)").
 */
const originalPosition = (frame: CallFrame, map: SourceMap | undefined): { source: string; line: number; text: string } | undefined => {
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry || !("originalLine" in entry)) return undefined;
  const text = (linesOf(entry.originalSource)[entry.originalLine] ?? "").trim();
  return { source: entry.originalSource, line: entry.originalLine + 1, text: text.length > 72 ? `${text.slice(0, 71)}…` : text };
};

const frameName = (frame: CallFrame, repository: string, maps: ReadonlyMap<string, SourceMap>): { fn: string; area: string } => {
  const fn = frame.functionName || "(anonymous)";
  const original = originalPosition(frame, maps.get(frame.url));
  const file = shortFile(original?.source ?? frame.url, repository);
  const name = original ? `${file}:${original.line}  ${original.text}` : file ? `${file}:${frame.lineNumber + 1} ${fn}` : fn;
  return { fn: name, area: areaOf(file, fn) };
};

const ranked = (totals: Map<string, number>, totalMs: number, top: number): Hotspot[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, percent: (100 * ms) / totalMs }));

/** Whether a function is typeflake's own (not Node's, not a dependency's, not the fleet's). */
const isTypeflake = (name: string): boolean => /^(generators|dsl)\//.test(name);

/** Each node's function and its callers' functions, each once (so recursion is counted once). */
const stacksOf = (profile: CpuProfile, names: ReadonlyMap<number, string>): Map<number, readonly string[]> => {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stacks = new Map<number, readonly string[]>();
  const stackOf = (id: number): readonly string[] => {
    const known = stacks.get(id);
    if (known) return known;
    const above = parent.has(id) ? stackOf(parent.get(id) ?? id) : [];
    const name = names.get(id) ?? "";
    const stack = above.includes(name) ? above : [...above, name];
    stacks.set(id, stack);
    return stack;
  };
  for (const node of profile.nodes) stackOf(node.id);
  return stacks;
};

const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);

/** The `top` hottest functions and areas of the profile at `path`. */
export const summarizeProfile = async (path: string, repository: string, sourceMaps: SourceMaps = {}, top = 15): Promise<ProfileSummary> => {
  const profile = JSON.parse(await readFile(path, "utf8")) as CpuProfile;
  const maps = new Map(Object.entries(sourceMaps).map(([url, payload]) => [url, new SourceMap(payload)]));
  const frames = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame, repository, maps)]));
  const stacks = stacksOf(profile, new Map([...frames].map(([id, frame]) => [id, frame.fn])));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    totalMs += ms;
    add(self, frame.fn, ms);
    add(areas, frame.area, ms);
    for (const name of stacks.get(id) ?? []) if (isTypeflake(name)) add(inclusive, name, ms);
  });
  return {
    totalMs,
    functions: ranked(self, totalMs, top),
    inclusive: ranked(inclusive, totalMs, top),
    areas: ranked(areas, totalMs, top),
  };
};
