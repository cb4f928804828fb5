/**
 * Baseline 1, the cost of merely reading the result: `nix-instantiate --parse` over every
 * generated `.nix` file, many files per call (it accepts several), calls run one after another.
 */
import { spawn } from "node:child_process";

/** What parsing the output took, or why it could not be measured. */
export type NixParse =
  | { readonly ok: true; readonly wallMs: number; readonly calls: number; readonly files: number }
  | { readonly ok: false; readonly reason: string };

/** Characters of file arguments per call, well below the kernel's argument limit. */
const ARGUMENT_BUDGET = 100_000;

/** `files` cut into argument lists of at most `budget` characters. */
export const batches = (files: readonly string[], budget = ARGUMENT_BUDGET): string[][] => {
  const result: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.length + 1 > budget) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.length + 1;
  }
  if (current.length > 0) result.push(current);
  return result;
};

/** Run one call; resolves to an error text, or undefined when every file parsed. */
const parseCall = (files: readonly string[], cwd: string): Promise<string | undefined> =>
  new Promise((resolve) => {
    const child = spawn("nix-instantiate", ["--parse", ...files], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => resolve(error.message));
    child.on("close", (code) => resolve(code === 0 ? undefined : stderr.trim() || `exit code ${code}`));
  });

/** Parse `files` (relative to `cwd`) with nix-instantiate and time it. */
export const nixParse = async (files: readonly string[], cwd: string): Promise<NixParse> => {
  const calls = batches(files);
  const started = performance.now();
  for (const call of calls) {
    const problem = await parseCall(call, cwd);
    if (problem !== undefined) return { ok: false, reason: problem.split("\n").slice(0, 6).join("\n") };
  }
  return { ok: true, wallMs: performance.now() - started, calls: calls.length, files: files.length };
};
