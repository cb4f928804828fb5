/**
 * Flakes see only the files git tracks: a generated `hosts/<new>/default.nix` that git does not
 * know makes `nix eval` fail with "No such file or directory". After `generate` writes, the
 * files it created that git does not track yet are added with `git add --intent-to-add` (an empty
 * index entry: nix sees the file, nothing is staged for commit); `generate --check` reports any
 * generated file git does not track.
 * Runs only when the fleet is inside a git work tree; without git, the report names the command.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What git says about the generated files. */
export type GitTracking =
  | { readonly kind: "not-a-work-tree" }
  | { readonly kind: "git-missing" }
  | {
      readonly kind: "work-tree";
      /** Generated files git does not track and does not ignore. */
      readonly untracked: readonly string[];
      /** Generated files a .gitignore hides from git, and so from nix. */
      readonly ignored: readonly string[];
    };

/** Pathspecs taken literally: a generated path is a file name, never a glob (`*`, `?`, `[`). */
const git = async (root: string, args: readonly string[]): Promise<string> =>
  (await run("git", ["--literal-pathspecs", "-C", root, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;

const listed = (output: string): string[] => output.split("\0").filter((path) => path !== "");

/** Outside a work tree git fails; without git, so does the spawn (ENOENT). */
const failure = (caught: unknown): GitTracking =>
  (caught as NodeJS.ErrnoException).code === "ENOENT" ? { kind: "git-missing" } : { kind: "not-a-work-tree" };

/**
 * Where the generated `paths` (relative to `root`) stand with git. One git command in the usual
 * case, where git tracks them all: the files it does not track, ignored or not. Only when there
 * are some does a second tell the ignored ones apart. A caller may start this before its own work
 * (`generate --check` reading the disk) and have git's answer by the time it needs it.
 */
export const gitTracking = async (root: string, paths: readonly string[]): Promise<GitTracking> => {
  let notTracked: string[];
  try {
    // With no paths there is nothing to list: only whether this is a work tree.
    if (paths.length === 0) {
      const inside = (await git(root, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
      return inside ? { kind: "work-tree", untracked: [], ignored: [] } : { kind: "not-a-work-tree" };
    }
    notTracked = listed(await git(root, ["ls-files", "-z", "--others", "--", ...paths]));
  } catch (caught) {
    return failure(caught);
  }
  if (notTracked.length === 0) return { kind: "work-tree", untracked: [], ignored: [] };
  const untracked = new Set(listed(await git(root, ["ls-files", "-z", "--others", "--exclude-standard", "--", ...notTracked])));
  return { kind: "work-tree", untracked: [...untracked].sort(), ignored: notTracked.filter((path) => !untracked.has(path)).sort() };
};

/** How many file names a message lists before it counts the rest: a 1,000-host fleet's first generate adds 1,000 files. */
const LISTED = 5;

/** `a, b, c` or `a, b, c, d, e and 995 more`. */
const fileList = (paths: readonly string[]): string =>
  paths.length <= LISTED ? paths.join(", ") : `${paths.slice(0, LISTED).join(", ")} and ${paths.length - LISTED} more`;

/** The command that makes `paths` visible to nix (spelled out while it stays short). */
export const intentToAddCommand = (paths: readonly string[]): string =>
  paths.length <= LISTED ? `git add --intent-to-add -- ${paths.join(" ")}` : `git add --intent-to-add -- ${paths.slice(0, LISTED).join(" ")} …`;

const ignoredLines = (ignored: readonly string[]): string[] =>
  ignored.length === 0
    ? []
    : [`git: ${fileList(ignored)} ${ignored.length === 1 ? "is" : "are"} ignored by a .gitignore, so nix cannot see ${ignored.length === 1 ? "it" : "them"}; remove the ignore rule.`];

/**
 * After writing: add the generated files git does not track with `git add --intent-to-add`.
 * Returns the lines to show (none when everything was tracked already or this is no work tree).
 */
export const trackGeneratedFiles = async (root: string, paths: readonly string[]): Promise<string[]> => {
  const tracking = await gitTracking(root, paths);
  if (tracking.kind === "not-a-work-tree") return [];
  if (tracking.kind === "git-missing")
    return [`git is not installed: if this fleet is a git work tree, run \`${intentToAddCommand([...paths].sort())}\` so nix (flakes see only tracked files) can read the generated files.`];
  const { untracked, ignored } = tracking;
  if (untracked.length === 0) return ignoredLines(ignored);
  try {
    await git(root, ["add", "--intent-to-add", "--", ...untracked]);
  } catch (caught) {
    return [
      `git: could not add ${fileList(untracked)} (${String((caught as Error).message).trim()}); run \`${intentToAddCommand(untracked)}\` so nix can see them.`,
      ...ignoredLines(ignored),
    ];
  }
  return [
    `git: added ${fileList(untracked)} with \`git add --intent-to-add\`, as flakes only see files git tracks (nothing is staged for commit; commit them with the rest).`,
    ...ignoredLines(ignored),
  ];
};

/** For `--check`: the generated files nix cannot see because git does not track them. */
export const untrackedGeneratedFiles = async (root: string, paths: readonly string[]): Promise<string[]> => {
  const tracking = await gitTracking(root, paths);
  if (tracking.kind !== "work-tree" || tracking.untracked.length + tracking.ignored.length === 0) return [];
  return [
    ...(tracking.untracked.length
      ? [`untracked: ${fileList(tracking.untracked)} (git does not track ${tracking.untracked.length === 1 ? "it" : "them"}, so nix cannot see ${tracking.untracked.length === 1 ? "it" : "them"}; run \`${intentToAddCommand(tracking.untracked)}\`)`]
      : []),
    ...ignoredLines(tracking.ignored),
  ];
};
