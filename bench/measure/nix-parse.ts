/**
 * Baseline 1, the cost of merely reading the result: `nix-instantiate --parse` over every
 * generated `.nix` file, many files per call (it accepts several), calls run one after another.
 */
import { spawn } from "node:child_process";

/** What parsing the output took, or why it could not be measured. */
export type NixParse =
  | { readonly ok: true; readonly wallMs: number; readonly calls: number; readonly files: number }
  | { readonly ok: false; readonly reason: string; /** nix-instantiate is not installed. */ readonly unavailable: boolean };

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

/** Why a call failed; `unavailable` when nix-instantiate could not be started at all. */
interface CallFailure {
  readonly reason: string;
  readonly unavailable: boolean;
}

/** Run one call; resolves to its failure, or undefined when every file parsed. */
const parseCall = (files: readonly string[], cwd: string): Promise<CallFailure | undefined> =>
  new Promise((resolve) => {
    const child = spawn("nix-instantiate", ["--parse", ...files], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ reason: error.code === "ENOENT" ? "nix-instantiate is not installed" : error.message, unavailable: error.code === "ENOENT" }),
    );
    child.on("close", (code) => resolve(code === 0 ? undefined : { reason: stderr.trim() || `exit code ${code}`, unavailable: false }));
  });

/** Parse `files` (relative to `cwd`) with nix-instantiate and time it. */
export const nixParse = async (files: readonly string[], cwd: string): Promise<NixParse> => {
  const calls = batches(files);
  const started = performance.now();
  for (const call of calls) {
    const failure = await parseCall(call, cwd);
    if (failure) return { ok: false, reason: failure.reason.split("\n").slice(0, 6).join("\n"), unavailable: failure.unavailable };
  }
  return { ok: true, wallMs: performance.now() - started, calls: calls.length, files: files.length };
};
