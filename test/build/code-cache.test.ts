/**
 * The code cache of typeflake's compiled modules (bin/code-cache.mjs), with V8's own scripts: what
 * a run compiled is handed back to V8 by the next, a file that is not whole is not used, damaged
 * cached code is refused and made again, and a cache that cannot be written changes nothing.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openCodeCache } from "../../bin/code-cache.mjs";
import { readCacheFile } from "./support/code-cache-file.ts";

let folder = "";
let file = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "typeflake-code-cache-"));
  file = join(folder, "code-0123456789abcdef-v20-x64.bin");
});
afterEach(() => {
  chmodSync(folder, 0o755);
  rmSync(folder, { recursive: true, force: true });
});

const SOURCES = {
  "chunks/a.cjs": "(function () { const square = (n) => n * n; return square(7); })",
  "chunks/b.cjs": "(function () { return [1, 2, 3].map((n) => n + 1).join(','); })",
};

/**
 * One run of a process, as the CLI's: V8's flags set, each module compiled (and run) with what
 * the cache holds, the cache saved as at exit. In a process of its own each time: within one
 * process, V8 compiles a source it has compiled before from its own memory, whatever it is given.
 */
const RUN = `
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { openCodeCache } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, "../../bin/code-cache.mjs")).href)};
setFlagsFromString("--verify-snapshot-checksum");
const [file, sources] = [process.argv[1], JSON.parse(process.argv[2])];
const cache = openCodeCache(file);
const rejected = {};
for (const [name, source] of Object.entries(sources)) {
  const cached = cache.module(name, Buffer.from(source));
  const script = new Script(source, { filename: name, cachedData: cached.cachedData });
  script.runInThisContext()();
  cached.compiled(script);
  rejected[name] = script.cachedDataRejected ?? "none";
}
cache.save();
process.stdout.write(JSON.stringify(rejected));
`;

/** What V8 did with each module's cached code: `"none"` given, refused (`true`) or taken (`false`). */
const run = (sources: Record<string, string> = SOURCES): Record<string, boolean | "none"> => {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", RUN, file, JSON.stringify(sources)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`the run exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, boolean | "none">;
};

describe("the code cache", () => {
  it("hands the next run what this one compiled, and is not written again while V8 takes it", () => {
    expect(run()).toEqual({ "chunks/a.cjs": "none", "chunks/b.cjs": "none" });
    const written = readFileSync(file);
    expect(readCacheFile(written).format).toBe("typeflake code cache 2");
    const { mtimeMs } = statSync(file);
    expect(run()).toEqual({ "chunks/a.cjs": false, "chunks/b.cjs": false });
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
    expect(readFileSync(file)).toEqual(written);
  });

  it("adds a module compiled for the first time to those already cached", () => {
    run();
    const c = "(function () { return 'c'; })";
    expect(run({ "chunks/c.cjs": c })).toEqual({ "chunks/c.cjs": "none" });
    expect(run({ ...SOURCES, "chunks/c.cjs": c })).toEqual({ "chunks/a.cjs": false, "chunks/b.cjs": false, "chunks/c.cjs": false });
  });

  it("does not use a file cut short, garbled or of another format, and replaces it", () => {
    run();
    const whole = readFileSync(file);
    const damaged = [
      () => truncateSync(file, whole.length - 1),
      () => writeFileSync(file, Buffer.concat([whole, Buffer.from([0])])),
      () => writeFileSync(file, whole.toString("latin1").replace("typeflake code cache 2", "typeflake code cache 9"), "latin1"),
      () => writeFileSync(file, Buffer.concat([Buffer.from("typeflake code cache 2\n{not json\n"), whole])),
      () => writeFileSync(file, ""),
    ];
    for (const damage of damaged) {
      damage();
      expect(run()).toEqual({ "chunks/a.cjs": "none", "chunks/b.cjs": "none" });
      expect(run()).toEqual({ "chunks/a.cjs": false, "chunks/b.cjs": false });
    }
  });

  it("has V8 refuse cached code damaged inside, compiles afresh and caches it again", () => {
    run();
    const bytes = readFileSync(file);
    // Inside the first module's cached code.
    const start = readCacheFile(bytes).entries[0]?.start ?? 0;
    for (let index = start + 64; index < start + 128; index++) bytes[index] = (bytes[index] ?? 0) ^ 0x5a;
    writeFileSync(file, bytes);
    expect(run()["chunks/a.cjs"]).toBe(true);
    expect(run()).toEqual({ "chunks/a.cjs": false, "chunks/b.cjs": false });
  });

  it("does not hand V8 code cached for another source of the same length (V8 would take it), and caches the new one", () => {
    run();
    const edited = { ...SOURCES, "chunks/a.cjs": SOURCES["chunks/a.cjs"].replace("n * n", "n + n") };
    const cached = openCodeCache(file).module("chunks/a.cjs", Buffer.from(edited["chunks/a.cjs"]));
    expect(cached.cachedData).toBeUndefined();
    expect(openCodeCache(file).module("chunks/a.cjs", Buffer.from(SOURCES["chunks/a.cjs"])).cachedData).toBeInstanceOf(Buffer);
    expect(run(edited)).toEqual({ "chunks/a.cjs": "none", "chunks/b.cjs": false });
    expect(run(edited)).toEqual({ "chunks/a.cjs": false, "chunks/b.cjs": false });
  });

  it("removes the files of other typeflake builds when it writes its own", () => {
    const otherBuild = join(folder, "code-fedcba9876543210-v20-x64.bin");
    writeFileSync(otherBuild, "old");
    run();
    expect(existsSync(otherBuild)).toBe(false);
    expect(readdirSync(folder)).toEqual(["code-0123456789abcdef-v20-x64.bin"]);
  });

  it("changes nothing when the cache cannot be written, and leaves no temporary file", () => {
    if (process.getuid?.() === 0) {
      // root writes through permissions: a file where the folder should be stops the write instead.
      file = join(folder, "not-a-folder", "code-0123456789abcdef-v20-x64.bin");
      writeFileSync(join(folder, "not-a-folder"), "");
    } else chmodSync(folder, 0o555);
    expect(run()).toEqual({ "chunks/a.cjs": "none", "chunks/b.cjs": "none" });
    expect(run()).toEqual({ "chunks/a.cjs": "none", "chunks/b.cjs": "none" });
    expect(readdirSync(folder).filter((name) => name.startsWith("write-"))).toEqual([]);
  });
});
