/**
 * What git knows of the commits hosts report: whether the repository has one, and how far it is
 * behind HEAD. The edge `typeflake status` reads the fleet's history through.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { CommitFacts } from "./drift.ts";
import { resolveCommit } from "./git-revision.ts";

const run = promisify(execFile);

const succeeds = async (root: string, args: readonly string[]): Promise<string | undefined> => {
  try {
    return (await run("git", ["-C", root, ...args])).stdout.trim();
  } catch {
    return undefined;
  }
};

/** The commit HEAD names; a `BaseRevisionError` outside git or before the first commit. */
export const headCommit = (root: string): Promise<string> => resolveCommit(root, "HEAD");

/** What git knows of `commit` (a full or abbreviated hex id) relative to HEAD. */
export const commitFacts = async (root: string, commit: string): Promise<CommitFacts> => {
  if (!/^[0-9a-f]{7,64}$/.test(commit)) return { known: false };
  const resolved = await succeeds(root, ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`]);
  if (resolved === undefined) return { known: false };
  if ((await succeeds(root, ["merge-base", "--is-ancestor", resolved, "HEAD"])) === undefined) return { known: true };
  const count = await succeeds(root, ["rev-list", "--count", `${resolved}..HEAD`]);
  return count === undefined ? { known: true } : { known: true, behind: Number(count) };
};
