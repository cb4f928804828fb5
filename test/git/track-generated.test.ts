/**
 * Generated files and git: flakes see only tracked files, so `generate` adds the files it creates
 * that git does not track with `git add --intent-to-add` and says so (a run that creates nothing
 * spawns no git); `generate --check` reports generated files git does not track or ignores. Real
 * git, in a fleet that is its own repository.
 */
import { execFileSync } from "node:child_process";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_FLEET } from "../diagnostics/support/fleet-text.ts";
import { runGenerate } from "../diagnostics/support/run-generate.ts";
import { gitTracking, trackGeneratedFiles } from "../../generators/git/track-generated.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { notePendingTracking, PENDING_TRACKING_PATH } from "../../generators/git/pending-tracking.ts";

const git = (root: string, ...args: string[]): string => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });

let root: string;
beforeAll(async () => {
  root = await writeFleet(BASE_FLEET);
  git(root, "init", "-q");
});
afterAll(() => removeFleet(root));

const GENERATED = ["INVENTORY.md", "flake.nix", "hosts/nas/default.nix", "modules/common.nix"];

describe("generated files and git", () => {
  it("adds the generated files git does not track with --intent-to-add, and says so", async () => {
    const run = await runGenerate(root);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain(
      `git: added ${GENERATED.join(", ")} with \`git add --intent-to-add\`, as flakes only see files git tracks (nothing is staged for commit; commit them with the rest).`,
    );
    expect(git(root, "ls-files").split("\n").filter(Boolean)).toEqual(GENERATED);
    // Intent to add stages no content: the commit is still the user's to make.
    expect(git(root, "diff", "--cached", "--numstat")).toBe("");
  });

  it("says nothing more once git tracks them", async () => {
    const run = await runGenerate(root);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toContain("git:");
  });

  it("--check reports a generated file git does not track, with the command, and fails", async () => {
    git(root, "rm", "-q", "--cached", "flake.nix");
    const run = await runGenerate(root, "--check");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "untracked: flake.nix (git does not track it, so nix cannot see it; run `git add --intent-to-add -- flake.nix`)",
    );
  });

  it("runs no git when it creates nothing: a file found in place that git does not track is --check's to report", async () => {
    const run = await runGenerate(root);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toMatch(/^git[: ]/m);
    expect(git(root, "ls-files").split("\n")).not.toContain("flake.nix");
    expect((await runGenerate(root, "--check")).exitCode).toBe(1);
  });

  it("names a generated file it creates that a .gitignore hides from nix", async () => {
    await writeFile(join(root, ".gitignore"), "flake.nix\n");
    await rm(join(root, "flake.nix"));
    const run = await runGenerate(root);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain("git: flake.nix is ignored by a .gitignore, so nix cannot see it; remove the ignore rule.");
    expect((await runGenerate(root, "--check")).exitCode).toBe(1);
  });

  it("names the command when git is not installed", async () => {
    await Promise.all(GENERATED.map((file) => rm(join(root, file))));
    const path = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try {
      const run = await runGenerate(root);
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toContain(
        `git is not installed: if this fleet is a git work tree, run \`git add --intent-to-add -- ${GENERATED.join(" ")}\` so nix (flakes see only tracked files) can read the generated files.`,
      );
    } finally {
      process.env["PATH"] = path;
    }
  });

  it("tells a folder outside any work tree, though its listings started before git said so", async () => {
    // Under the system's temporary folder, which no repository encloses.
    const outside = await mkdtemp(join(tmpdir(), "typeflake-no-git-"));
    try {
      await writeFile(join(outside, "flake.nix"), "{ }\n");
      expect(await gitTracking(outside, ["flake.nix"])).toEqual({ kind: "not-a-work-tree" });
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("takes paths literally (a glob character names itself) and tells untracked from ignored", async () => {
    await writeFile(join(root, "a[b].nix"), "{ }\n");
    await writeFile(join(root, "ab.nix"), "{ }\n");
    await writeFile(join(root, "hidden.nix"), "{ }\n");
    await writeFile(join(root, ".gitignore"), "hidden.nix\n");
    expect(await gitTracking(root, ["a[b].nix", "hidden.nix"])).toEqual({ kind: "work-tree", untracked: ["a[b].nix"], ignored: ["hidden.nix"] });
    await rm(join(root, ".gitignore"));
  });

  it("names the first five of many added files and counts the rest", async () => {
    const many = Array.from({ length: 8 }, (_, index) => `hosts/h${index}/default.nix`);
    for (const path of many) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), "{ }\n");
    }
    const [line] = await trackGeneratedFiles(root, many);
    expect(line).toBe(
      "git: added hosts/h0/default.nix, hosts/h1/default.nix, hosts/h2/default.nix, hosts/h3/default.nix, hosts/h4/default.nix and 3 more with `git add --intent-to-add`, as flakes only see files git tracks (nothing is staged for commit; commit them with the rest).",
    );
  });
});

describe("a generate cut off before git has the files it created", () => {
  let fleet: string;
  beforeAll(async () => {
    fleet = await writeFleet(BASE_FLEET);
    git(fleet, "init", "-q");
  });
  afterAll(() => removeFleet(fleet));

  it("leaves no note of them once git has them", async () => {
    expect((await runGenerate(fleet)).exitCode).toBe(0);
    await expect(access(join(fleet, PENDING_TRACKING_PATH))).rejects.toThrow();
  });

  it("has them added by the next command, which finds the note the run left", async () => {
    // What a kill between the write and `git add` leaves: the file in place, unknown to git, and the note.
    git(fleet, "rm", "-q", "--cached", "hosts/nas/default.nix");
    notePendingTracking(fleet, ["hosts/nas/default.nix"]);
    const run = runTypeflake(["generate"], fleet);
    expect(run.status, describeRun(["generate"], run)).toBe(0);
    expect(run.stderr).toContain("git: added hosts/nas/default.nix with `git add --intent-to-add`");
    expect(git(fleet, "ls-files").split("\n")).toContain("hosts/nas/default.nix");
    await expect(access(join(fleet, PENDING_TRACKING_PATH))).rejects.toThrow();
    expect((await runGenerate(fleet, "--check")).exitCode).toBe(0);
  });

  it("adds a run's files to the note a killed run left, and git gets both", async () => {
    git(fleet, "rm", "-q", "--cached", "hosts/nas/default.nix");
    // Left by a run killed after writing; this run's own files join it (under the fleet's lock), never replace it.
    notePendingTracking(fleet, ["hosts/nas/default.nix"]);
    expect(notePendingTracking(fleet, ["hosts/web/default.nix"])).toEqual(["hosts/nas/default.nix", "hosts/web/default.nix"]);
    expect(JSON.parse(await readFile(join(fleet, PENDING_TRACKING_PATH), "utf8"))).toEqual(["hosts/nas/default.nix", "hosts/web/default.nix"]);
    const run = runTypeflake(["generate"], fleet);
    expect(run.status, describeRun(["generate"], run)).toBe(0);
    expect(git(fleet, "ls-files").split("\n")).toContain("hosts/nas/default.nix");
    await expect(access(join(fleet, PENDING_TRACKING_PATH))).rejects.toThrow();
  });

  it("clears a note it cannot read, saying nothing", async () => {
    await writeFile(join(fleet, PENDING_TRACKING_PATH), "not json");
    const run = runTypeflake(["generate"], fleet);
    expect(run.status, describeRun(["generate"], run)).toBe(0);
    expect(run.stderr).not.toMatch(/^git[: ]/m);
    await expect(access(join(fleet, PENDING_TRACKING_PATH))).rejects.toThrow();
  });
});
