/**
 * A temporary git repository holding a copy of the reference homelab's sources (TypeScript and
 * hand-kept Nix), for a test to commit, change, and run `plan`, `deploy --changed` or `status` in.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SOURCES = ["typeflake.config.ts", "hosts", "modules", "overlays", "homes"];

/** A fleet in a git repository of its own. */
export interface FleetRepo {
  readonly root: string;
  /** Run git in the repository. */
  git(...args: string[]): string;
  /** Write a file (relative to the root), creating its folder. */
  write(path: string, text: string): void;
  /** Replace `from` by `to` in a file; fails when `from` is not there, so a test cannot edit nothing. */
  edit(path: string, from: string, to: string): void;
  /** Commit everything. */
  commit(message: string): void;
}

const created: string[] = [];

// The repositories of a test file are removed when its tests end.
afterAll(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of the homelab in a fresh repository under test/.tmp/ (nothing committed yet). */
export const homelabRepo = (name: string): FleetRepo => {
  const parent = join(REPO, "test", ".tmp");
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, `${name}-`));
  created.push(root);
  for (const source of SOURCES) cpSync(join(REPO, source), join(root, source), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=typeflake test", "-c", "user.email=test@typeflake.invalid", "-c", "commit.gpgsign=false", ...args], {
      cwd: root,
      encoding: "utf8",
    });
  const repo: FleetRepo = {
    root,
    git,
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    edit: (path, from, to) => {
      const text = readFileSync(join(root, path), "utf8");
      if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
      writeFileSync(join(root, path), text.replace(from, to));
    },
    commit: (message) => {
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", message);
    },
  };
  git("init", "-q", "-b", "main");
  return repo;
};
