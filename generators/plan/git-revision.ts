/**
 * The fleet as committed at a git revision, in a temporary folder: `git archive <commit>:<fleet
 * folder>` unpacked with tar. The fleet loader binds `import … from "typeflake"` to the running
 * typeflake, so the copy needs no node_modules of its own. The one place `plan` touches git.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../command/command-error.ts";
import { CONFIG_FILE } from "../load/layout.ts";

const run = promisify(execFile);

/** The base revision cannot be used: not a git work tree, not a commit, no fleet in it. Exit code 1. */
export class BaseRevisionError extends UsageError {}

const git = async (root: string, args: readonly string[]): Promise<string> => {
  try {
    return (await run("git", ["-C", root, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
  } catch (caught) {
    const failure = caught as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") throw new BaseRevisionError("git is not installed; plan compares the working tree with a git revision, so it needs git");
    throw new BaseRevisionError(`git ${args.join(" ")} failed: ${(failure.stderr ?? failure.message).trim()}`);
  }
};

/** The full commit id `ref` names in the repository around `root`. */
export const resolveCommit = async (root: string, ref: string): Promise<string> => {
  if ((await git(root, ["rev-parse", "--is-inside-work-tree"]).catch(() => "false")) !== "true")
    throw new BaseRevisionError(`${root} is not inside a git work tree; plan compares the fleet with a committed revision, so commit it to git first`);
  try {
    return await git(root, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`]);
  } catch {
    if (ref === "HEAD") throw new BaseRevisionError("the repository has no commit yet; commit the fleet first, so there is a revision to compare with");
    throw new BaseRevisionError(
      `${JSON.stringify(ref)} is not a commit of this repository; pass --base a branch, tag or commit (e.g. HEAD, main, origin/main; fetch it first in CI)`,
    );
  }
};

/** Where the fleet root sits inside the repository, `""` at its top, else `fleet/` (with the slash). */
const fleetPrefix = (root: string): Promise<string> => git(root, ["rev-parse", "--show-prefix"]);

/**
 * Unpack the fleet folder as of `commit` into a new temporary folder, run `use` on it, and remove
 * the folder whatever happens.
 */
export const withCommittedFleet = async <T>(root: string, ref: string, commit: string, use: (folder: string) => Promise<T>): Promise<T> => {
  const prefix = await fleetPrefix(root);
  await git(root, ["cat-file", "-e", `${commit}:${prefix}${CONFIG_FILE}`]).catch(() => {
    throw new BaseRevisionError(
      `there is no fleet at ${ref} (${commit.slice(0, 12)}): it has no ${prefix}${CONFIG_FILE}; pass --base a revision where the fleet exists`,
    );
  });
  const folder = await mkdtemp(join(tmpdir(), "typeflake-plan-"));
  try {
    const archive = join(folder, ".typeflake-base.tar");
    const tree = join(folder, "fleet");
    // From the top of the work tree: inside a subfolder, git archive would also limit itself to it.
    const top = await git(root, ["rev-parse", "--show-toplevel"]);
    await git(top, ["archive", "--format=tar", "-o", archive, `${commit}:${prefix}`]);
    await mkdir(tree);
    await run("tar", ["-xf", archive, "-C", tree]);
    return await use(tree);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};
