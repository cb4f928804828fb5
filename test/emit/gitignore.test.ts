/**
 * The names typeflake gives its own working files are ignored by this repository's .gitignore,
 * in the fleet at the root and in the nested ones (examples/), so `git add -A` never commits
 * them; the manifest, which must be committed, is not ignored.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPathFor } from "../../generators/emit/atomic.ts";
import { BACKUP_DIRECTORY, JOURNAL_PATH } from "../../generators/emit/journal.ts";
import { LOCK_PATH } from "../../generators/emit/lock.ts";
import { MANIFEST_PATH } from "../../generators/emit/manifest.ts";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

/** The paths among `paths` that git ignores here (`--no-index`: whether tracked or not). */
function ignored(paths: readonly string[]): string[] {
  try {
    return execFileSync("git", ["-C", REPOSITORY, "check-ignore", "--no-index", ...paths], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch (caught) {
    // Exit 1: none of them is ignored.
    if ((caught as { status?: number }).status === 1) return [];
    throw caught;
  }
}

describe("the repository's .gitignore", () => {
  const working = (prefix: string) => [
    tempPathFor(`${prefix}flake.nix`),
    tempPathFor(`${prefix}hosts/nas/default.nix`),
    tempPathFor(`${prefix}${MANIFEST_PATH}`),
    tempPathFor(`${prefix}${LOCK_PATH}`),
    `${prefix}${JOURNAL_PATH}`,
    `${prefix}${BACKUP_DIRECTORY}/0`,
    `${prefix}${LOCK_PATH}`,
  ];

  it.each(["", "examples/minimal/"])("ignores typeflake's temporary files, journal, backups and lock in %j", (prefix) => {
    const paths = working(prefix);
    expect(ignored(paths)).toEqual(paths);
  });

  it("does not ignore the manifest, nor files that merely resemble the temporary names", () => {
    expect(ignored([MANIFEST_PATH, "examples/minimal/.typeflake/manifest.json", "hosts/typeflake-tmp.nix"])).toEqual([]);
  });
});
