/**
 * Every generated host records the commit it was built from (`system.configurationRevision`),
 * checked with the real `nix eval` of a git flake (inputs replaced by the local stub flakes): a
 * clean checkout gives the commit, a dirty one `<commit>-dirty` (nix ≥ 2.15) or null.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, onTestFinished, test } from "vitest";
import { flakeInputNames } from "../support/flake-eval.ts";
import { requireNixBinary } from "../support/nix.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const STUBS = join(REPO, "test", "support", "stub-inputs");

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@typeflake.invalid", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout.trim();
};

const nix = (args: readonly string[]): string => {
  requireNixBinary("nix");
  const run = spawnSync("nix", ["--extra-experimental-features", "nix-command flakes", ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`nix ${args.join(" ")} failed:\n${run.stderr}`);
  return run.stdout;
};

/**
 * Lock the flake at `root` to the stub inputs, in its own flake.lock. An input overridden on the
 * command line instead would leave the lock file changed, and nix then drops `self.rev`.
 */
const lockToStubs = (root: string): void => {
  const overrides = flakeInputNames(root).flatMap((name) => {
    if (!existsSync(join(STUBS, name, "flake.nix"))) throw new Error(`no stub flake for input ${name}`);
    return ["--override-input", name, `path:${join(STUBS, name)}`];
  });
  nix(["flake", "lock", `git+file://${root}`, ...overrides]);
};

/** `config.system.configurationRevision` of `host`, from the git flake at `root`. */
const revisionOf = (root: string, host: string): unknown =>
  JSON.parse(nix(["eval", "--json", `git+file://${root}#nixosConfigurations.${host}.config.system.configurationRevision`]));

describe("system.configurationRevision", () => {
  test("is the flake's commit, and not a commit when the tree is dirty", () => {
    const parent = join(REPO, "test", ".tmp");
    mkdirSync(parent, { recursive: true });
    const root = mkdtempSync(join(parent, "revision-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(REPO, "examples", "minimal"), root, { recursive: true, filter: (source) => !source.includes("/.typeflake/") });
    git(root, "init", "-q");
    git(root, "add", "-A");
    lockToStubs(root);
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "fleet");
    const commit = git(root, "rev-parse", "HEAD");
    const [host] = flakeHosts(root);
    expect(revisionOf(root, host as string)).toBe(commit);
    writeFileSync(join(root, "typeflake.config.ts"), "// edited\n", { flag: "a" });
    expect([null, `${commit}-dirty`]).toContain(revisionOf(root, host as string));
  });
});

/** The hosts of a generated fleet, from its folders. */
const flakeHosts = (root: string): string[] =>
  spawnSync("ls", [join(root, "hosts")], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
