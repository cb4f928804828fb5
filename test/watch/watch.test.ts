/**
 * The parts of `generate --watch` that decide when to run: the queue that waits for a quiet spell,
 * what the last plan's fingerprint makes worth watching, the watch's own writes, and when its
 * process has kept enough memory to be started again.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunFingerprint } from "../../generators/cache/fingerprint.ts";
import { outgrown } from "../../generators/cli/commands/watch-supervisor.ts";
import { ChangeQueue, QUIET_MS } from "../../generators/watch/change-queue.ts";
import { FolderWatcher } from "../../generators/watch/folder-watcher.ts";
import { isOwnWrite } from "../../generators/watch/own-writes.ts";
import { watchPlan } from "../../generators/watch/watch-plan.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const never = new AbortController().signal;

describe("the change queue", () => {
  it("hands over the changes that matter, distinct, once no other came for a quiet spell", async () => {
    const queue = new ChangeQueue();
    queue.add("/f/a.ts");
    queue.add("/f/.a.ts.swp");
    const next = queue.next((path) => !path.includes(".swp"), never);
    setTimeout(() => queue.add("/f/a.ts"), QUIET_MS / 2);
    setTimeout(() => queue.add("/f/b.ts"), QUIET_MS);
    expect(await next).toEqual(["/f/a.ts", "/f/b.ts"]);
  });

  it("waits while only changes that do not matter come, and gives none when aborted", async () => {
    const queue = new ChangeQueue();
    const controller = new AbortController();
    const next = queue.next((path) => path.endsWith(".ts"), controller.signal);
    queue.add("/f/notes.txt");
    setTimeout(() => controller.abort(), QUIET_MS * 2);
    expect(await next).toEqual([]);
  });
});

describe("what the watch watches", () => {
  it("watches the folders of the plan's inputs and the definition folders; inputs, and what discovery would find there, matter", async () => {
    const root = await mkdtemp(join(tmpdir(), "typeflake-watch-"));
    folders.push(root);
    await mkdir(join(root, "hosts/nas"), { recursive: true });
    await mkdir(join(root, "lib"), { recursive: true });
    await mkdir(join(root, "data"), { recursive: true });
    await writeFile(join(root, "lib/ports.ts"), "");
    const fingerprint = {
      files: { [join(root, "lib/ports.ts")]: "hash", [join(root, "package.json")]: "absent" },
      paths: { checked: ["hosts/nas/hardware.nix"], facts: "" },
      observed: { [`folder:${join(root, "data")}`]: "listing", "env:HOME": "hash" },
    } as unknown as RunFingerprint;
    const plan = watchPlan(root, fingerprint, true);
    // The root's own folder too, for the root alone: a root removed and made anew is seen.
    expect(plan.folders).toEqual([dirname(root), root, join(root, "data"), join(root, "hosts"), join(root, "hosts/nas"), join(root, "lib")]);
    expect([root, join(dirname(root), "other-fleet")].map((path) => plan.matters(path))).toEqual([true, false]);
    const matters = (path: string) => plan.matters(join(root, path));
    expect(["lib/ports.ts", "package.json", "hosts/nas/hardware.nix", "data/new.json", "hosts/web", "hosts/nas/host.ts", "modules"].filter(matters)).toHaveLength(7);
    expect(["lib/other.ts", "notes.md", "hosts/.nas.swp", "hosts/nas/host.ts~"].filter(matters)).toEqual([]);
    // After a run with errors, whose inputs are not all known, anything under the root matters.
    expect(watchPlan(root, fingerprint, false).matters(join(root, "lib/other.ts"))).toBe(true);
  });

  it("watches a folder removed and made anew afresh: the system's watch went with the old one", async () => {
    const root = await mkdtemp(join(tmpdir(), "typeflake-watch-"));
    folders.push(root);
    const hosts = join(root, "hosts");
    await mkdir(hosts);
    const changed: string[] = [];
    const watcher = new FolderWatcher((path) => changed.push(path));
    try {
      expect(watcher.watchOnly([hosts]).added).toEqual([hosts]);
      expect(watcher.watchOnly([hosts]).added).toEqual([]);
      await rm(hosts, { recursive: true });
      await mkdir(hosts);
      expect(watcher.watchOnly([hosts]).added).toEqual([hosts]);
      changed.length = 0;
      await writeFile(join(hosts, "nas"), "");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changed).toContain(join(hosts, "nas"));
    } finally {
      watcher.close();
    }
  });

  it("knows its own writes: generated files, its temporaries, its state folder (not the fleet's option schema) and the run cache", () => {
    const own = isOwnWrite("/f", new Set(["hosts/nas/default.nix", "flake.nix"]), "/f/node_modules/.cache/typeflake");
    expect(["/f/hosts/nas/default.nix", "/f/.flake.nix.typeflake-tmp-0123456789ab", "/f/.typeflake/lock", "/f/node_modules/.cache/typeflake/load-1-x/fleet.mjs"].map(own)).toEqual([true, true, true, true]);
    expect(["/f/hosts/nas/host.ts", "/f/.typeflake/options/index.json", "/f/flake.lock"].map(own)).toEqual([false, false, false]);
  });
});

describe("the watch's memory", () => {
  it("is started again past three times its first run's memory, and never below 512 MB", () => {
    const MB = 1024 * 1024;
    expect([outgrown(100 * MB, 500 * MB), outgrown(100 * MB, 513 * MB), outgrown(250 * MB, 700 * MB), outgrown(250 * MB, 760 * MB)]).toEqual([false, true, false, true]);
  });
});
