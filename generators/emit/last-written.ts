/**
 * What typeflake last wrote to a file, when it can still be found: the manifest keeps only its
 * hash, but generated files are committed, so git's index or `HEAD` usually holds that very
 * content. Used to show a user exactly their own edit, not their edit mixed with what changed in
 * the TypeScript since.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { contentHash } from "./manifest.ts";

const run = promisify(execFile);

/** Git revisions tried in order: the staged version, then the last commit. */
const REVISIONS = ["", "HEAD"];

/** The content at `path` (relative to `root`) whose SHA-256 is `sha256`, from git; `undefined` if git has none. */
export async function lastWritten(root: string, path: string, sha256: string): Promise<string | undefined> {
  for (const revision of REVISIONS) {
    try {
      // `<rev>:./<path>` is relative to `-C`, wherever the fleet sits in its repository.
      const { stdout } = await run("git", ["-C", root, "show", `${revision}:./${path}`], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
      if (contentHash(stdout) === sha256) return stdout.toString("utf8");
    } catch {
      // Not a repository, git missing, or the file not in this revision: try the next, then give up.
    }
  }
  return undefined;
}
