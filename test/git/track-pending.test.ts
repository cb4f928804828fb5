/**
 * A note of files a cut-off `generate` left is taken only under the fleet's lock: while another
 * run holds the lock (a `generate` noting, writing and adding its own files), the command waits
 * and leaves the note alone; once the lock is free it adds the files and clears the note.
 */
import { execFileSync } from "node:child_process";
import { access } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock } from "../../generators/emit/lock.ts";
import { notePendingTracking, pendingTracking, PENDING_TRACKING_PATH } from "../../generators/git/pending-tracking.ts";
import { trackPendingFiles } from "../../generators/git/track-pending.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const git = (root: string, ...args: string[]): string => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });

describe("the note of a cut-off generate", () => {
  let root: string;
  beforeAll(async () => {
    root = await writeFleet({ "hosts/nas/default.nix": "{ }\n" });
    git(root, "init", "-q");
  });
  afterAll(() => removeFleet(root));

  it("is taken only once the fleet's lock is free", async () => {
    notePendingTracking(root, ["hosts/nas/default.nix"]);
    const held = await acquireLock(root);
    if (!held.ok) throw new Error("the fleet's lock is taken");
    let waited = false;
    const adding = trackPendingFiles(root, () => void (waited = true));
    // The other run holds the lock for a while: the note stays as it was.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waited).toBe(true);
    expect(pendingTracking(root)).toEqual(["hosts/nas/default.nix"]);
    await held.lock.release();
    expect((await adding).join("\n")).toContain("git: added hosts/nas/default.nix");
    expect(git(root, "ls-files").split("\n")).toContain("hosts/nas/default.nix");
    await expect(access(join(root, PENDING_TRACKING_PATH))).rejects.toThrow();
  });
});
