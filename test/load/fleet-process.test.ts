/**
 * The process as fleet code finds it while it loads: what it writes to stdout (a `console.log`
 * left in a host file) goes to stderr, so `generate --json` stays JSON; `process.exit()` is
 * reported where it is called instead of ending typeflake (`--check` would pass, having checked
 * nothing), and so is a top-level `await` nothing will ever settle.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { tmpdir } from "node:os";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { describeRun, runTypeflake, typeflakeArgs } from "../cli/support/typeflake-process.ts";
import { asFleetCodeLoads } from "../../generators/load/fleet-process.ts";
import { STILL_LOADING_VARIABLE, stillLoadingNote, type LoadStep } from "../../generators/load/still-loading.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

/** A fleet of one host, `alpha`, with a line of code run as its config and its host file load. */
const oneHostFleet = async (run: { readonly config?: string; readonly host?: string }): Promise<string> => {
  const root = await writeFleet({
    "typeflake.config.ts": `import { defineFleet } from "typeflake";
${run.config ?? ""}
export default defineFleet({
  description: "A fleet whose code does more than define",
  inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },
  deploy: { tool: "nixos-rebuild", sshUser: "root" },
});
`,
    "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
${run.host ?? ""}
export default defineHost({ address: "10.0.0.1", hardware: "./hardware.nix" });
`,
    "hosts/alpha/hardware.nix": "{ ... }: { }\n",
  });
  fleets.push(root);
  return root;
};

describe("the process as fleet code finds it while it loads", () => {
  it("sends what fleet code prints to stderr, so that stdout stays typeflake's (generate --json)", async () => {
    const root = await oneHostFleet({ config: `console.log("debug: the config loads");`, host: `process.stdout.write("debug: alpha loads\\n");` });
    const args = ["generate", "--json", "--no-cache"];
    const run = runTypeflake(args, root);
    expect(run.status, describeRun(args, run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toContain("debug: the config loads");
    expect(run.stderr).toContain("debug: alpha loads");
  });

  it("gives the process back once the last of loads under way at once is done, whichever ends first", async () => {
    const write = Object.getOwnPropertyDescriptor(process.stdout, "write");
    const exit = Object.getOwnPropertyDescriptor(process, "exit");
    const ends: (() => void)[] = [];
    const load = () => asFleetCodeLoads(tmpdir(), () => new Promise<void>((resolve) => ends.push(resolve)), () => undefined);
    const first = load();
    const second = load();
    ends[0]?.();
    await first;
    expect(Object.getOwnPropertyDescriptor(process.stdout, "write"), "redirected while the second load is under way").not.toEqual(write);
    ends[1]?.();
    await second;
    expect(Object.getOwnPropertyDescriptor(process.stdout, "write")).toEqual(write);
    expect(Object.getOwnPropertyDescriptor(process, "exit")).toEqual(exit);
  });

  it("leaves the process's listeners as it found them, load after load and with loads at once (generate --watch loads for hours)", async () => {
    const counts = () => process.eventNames().map((event) => [event, process.listenerCount(event)]);
    const before = counts();
    const ends: (() => void)[] = [];
    const load = () => asFleetCodeLoads(tmpdir(), () => new Promise<void>((resolve) => ends.push(resolve)), () => undefined);
    for (let run = 0; run < 3; run++) {
      const loaded = load();
      ends.pop()?.();
      await loaded;
    }
    const both = [load(), load()];
    for (const end of ends.splice(0)) end();
    await Promise.all(both);
    expect(counts()).toEqual(before);
  });

  it("lets fleet code change the environment while it loads, and puts the variables back after", async () => {
    const before = { ...process.env };
    const { value } = await asFleetCodeLoads(
      tmpdir(),
      async () => {
        // Through the wrapper that observes reads: changing a variable that exists threw a TypeError.
        process.env["PATH"] = `${process.env["PATH"] ?? ""}:/fleet/bin`;
        process.env["GIT_INDEX_FILE"] = "/elsewhere/index";
        delete process.env["HOME"];
        return process.env["PATH"];
      },
      () => undefined,
    );
    expect(value).toMatch(/:\/fleet\/bin$/);
    expect({ ...process.env }).toEqual(before);
  });

  it("shows what fleet code printed again when a run reuses the record instead of loading the fleet", async () => {
    const root = await oneHostFleet({ config: `console.warn("debug: the config loads");`, host: `process.stdout.write("debug: alpha loads\\n");` });
    const first = runTypeflake(["generate"], root);
    expect(first.status, describeRun(["generate"], first)).toBe(0);
    const second = runTypeflake(["generate"], root);
    expect(second.status, describeRun(["generate"], second)).toBe(0);
    for (const run of [first, second]) {
      expect(run.stderr).toContain("debug: the config loads\n");
      expect(run.stderr).toContain("debug: alpha loads\n");
      expect(run.stdout).not.toContain("debug");
    }
  });

  it("reports process.exit() where it is called, instead of ending typeflake: generate --check does not pass unchecked", async () => {
    const root = await oneHostFleet({ host: `if (!process.env["NOT_SET_ANYWHERE"]) process.exit(0);` });
    const args = ["generate", "--check", "--json"];
    const run = runTypeflake(args, root);
    expect(run.status, describeRun(args, run)).toBe(1);
    const records = JSON.parse(run.stdout) as { file: string; line: number; code: string; message: string }[];
    expect(records.find((record) => record.code === "load-error")).toMatchObject({ file: "hosts/alpha/host.ts", line: 2, message: expect.stringContaining("process.exit(0) was called") });
  });

  it("reports a top-level await nothing will settle in the file that waits, instead of ending with status 0", async () => {
    const root = await oneHostFleet({ host: "await new Promise(() => undefined);" });
    const args = ["generate", "--check", "--json"];
    const run = runTypeflake(args, root);
    expect(run.status, describeRun(args, run)).toBe(1);
    const records = JSON.parse(run.stdout) as { file: string; severity: string; code: string; message: string }[];
    const errors = records.filter((record) => record.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ file: "hosts/alpha/host.ts", code: "load-error", message: expect.stringContaining("never finished loading") })]);
  });
});

describe("what fleet code leaves behind once it has loaded", () => {
  /** `typeflake generate --json` on a fleet whose host runs `line` and has one mistake, an unknown key. */
  const generateWithMistake = async (line: string) => {
    const root = await oneHostFleet({ host: line });
    const host = join(root, "hosts/alpha/host.ts");
    await writeFile(host, (await readFile(host, "utf8")).replace(`hardware: "./hardware.nix" }`, `hardware: "./hardware.nix", bogus: 1 } as never`));
    const args = ["generate", "--json"];
    const run = spawnSync(process.execPath, typeflakeArgs(args), { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" }, timeout: 60_000 });
    return { run: { status: run.status, stdout: run.stdout, stderr: run.stderr }, args };
  };

  it.each([
    ["an interval it leaves running", "setInterval(() => undefined, 1000);"],
    ["a folder it leaves watched", `import { watch } from "node:fs";\nwatch(new URL("./", import.meta.url));`],
    ["a timer that would end typeflake with status 0", "setTimeout(() => process.exit(0), 0);"],
    ["a timer that would print on stdout", `setTimeout(() => console.log("late"), 0);`],
    ["an exit listener setting status 0", "process.on(\"exit\", () => { process.exitCode = 0; });"],
    ["built-ins it replaced (JSON.stringify, Object.keys, an enumerable Object.prototype key)", `(Object.prototype as any).extra = 1;\nJSON.stringify = () => "{}";\nObject.keys = () => [];`],
    ["Reflect.ownKeys emptied (which putting the built-ins back must not use)", "Reflect.ownKeys = () => [];"],
    ["a Node function typeflake uses replaced (crypto.createHash)", `import crypto from "node:crypto";\n(crypto as any).createHash = () => { throw new Error("no hashing"); };`],
    ["process.exit made unchangeable", `Object.defineProperty(process, "exit", { value: () => undefined, writable: false, configurable: false });`],
    ["Function.prototype.call and apply replaced", "Function.prototype.call = function () { return undefined; };\nFunction.prototype.apply = function () { return undefined; };"],
    ["the array iterator emptied (which putting the built-ins back must not use)", "Array.prototype[Symbol.iterator] = function* () {} as never;"],
    ["generators made to yield nothing (a generate would remove the files it did not plan)", "Object.getPrototypeOf(function* () {}).prototype.next = () => ({ done: true, value: undefined });"],
    ["the iterators of Map and of Set emptied", "Object.getPrototypeOf(new Map().entries()).next = () => ({ done: true });\nObject.getPrototypeOf(new Set().values()).next = () => ({ done: true });"],
    ["built-ins frozen, none replaced", "Object.freeze(Object.prototype);\nObject.freeze(Array.prototype);\nObject.freeze(Function.prototype);"],
    ["a hidden method added for good", `Object.defineProperty(Array.prototype, "lastOne", { value() { return 1; } });`],
  ])("does not change how generate ends or what it reports: %s", async (_, line) => {
    const { run, args } = await generateWithMistake(line);
    expect(run.status, describeRun(args, run)).toBe(1);
    const records = JSON.parse(run.stdout) as { file: string; severity: string; code: string }[];
    expect(records.filter((record) => record.severity === "error").map((record) => [record.file, record.code])).toEqual([["hosts/alpha/host.ts", "unknown-key"]]);
  });

  it.each([
    // Rejected at once, so that it is noticed while the run is under way, whatever the machine's speed.
    ["a promise it did not await that rejects", `const key = Promise.reject(new Error("key file missing"));`, "Error: key file missing"],
    ["a microtask that throws (while stdout is still sent to stderr)", `queueMicrotask(() => { throw new Error("key file missing"); });`, "Error: key file missing"],
    ["a process.exit() in a promise callback", "Promise.resolve().then(() => process.exit(0));", expect.stringContaining("process.exit(0) was called")],
    ["a promise it did not await rejected with a plain object (as its JSON, not [object Object])", "const key = Promise.reject({ code: 7 });", '{"code":7}'],
    ["a promise it did not await rejected with an Error with a cause", `const key = Promise.reject(new Error("no key", { cause: new Error("ENOENT") }));`, "Error: no key, caused by Error: ENOENT"],
  ])("reports %s as the fleet's error, on stdout with --json, not a stack trace", async (_, line, message) => {
    const { run, args } = await generateWithMistake(line);
    expect(run.status, describeRun(args, run)).toBe(1);
    const records = JSON.parse(run.stdout) as { severity: string }[];
    expect(records.filter((record) => record.severity === "error")).toEqual([
      expect.objectContaining({ file: "typeflake.config.ts", code: "load-error", data: { kind: "uncaught", message } }),
    ]);
    expect(run.stderr).not.toContain("    at ");
  });

  it.each([
    ["EventEmitter made deaf (a child process's end is emitted through it)", `import { EventEmitter } from "node:events";\nEventEmitter.prototype.emit = function () { return false; };`],
    ["StringDecoder emptied (what git prints is decoded through it)", `import { StringDecoder } from "node:string_decoder";\nStringDecoder.prototype.write = () => "";`],
    ["process.nextTick emptied (streams and child processes call it)", "process.nextTick = () => undefined;"],
  ])("puts back Node's classes and process's methods, so what typeflake runs and prints after the load still works: %s", async (_, line) => {
    const root = await oneHostFleet({ host: line });
    execFileSync("git", ["init", "--quiet"], { cwd: root });
    const run = runTypeflake(["generate"], root);
    expect(run.status, describeRun(["generate"], run)).toBe(0);
    expect(run.stderr).toContain("git: added");
    expect(execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })).toContain("hosts/alpha/default.nix");
  });

  it("keeps the colours typeflake chose: a host file claiming stderr is a terminal does not colour a log", async () => {
    const root = await oneHostFleet({ host: `(process.stderr as { isTTY?: boolean }).isTTY = true;\n(process.stdout as { isTTY?: boolean }).isTTY = true;` });
    const { NO_COLOR: _, FORCE_COLOR: __, ...environment } = process.env;
    const run = spawnSync(process.execPath, typeflakeArgs(["generate"]), { cwd: root, encoding: "utf8", env: { ...environment, CI: "1" }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("Generated files:");
    expect(run.stderr).not.toContain("\u001b[");
  });

  it.each([
    ["a replaced built-in made unchangeable", `Object.defineProperty(Array.prototype, "map", { value: () => [], writable: false, configurable: false });`, ["Array.prototype.map"]],
    ["a replaced built-in frozen", `Array.prototype.join = () => "";\nObject.freeze(Array.prototype);`, ["Array.prototype.join"]],
    ["an enumerable key added to Object.prototype for good", `Object.defineProperty(Object.prototype, "extra", { value: 1, enumerable: true });`, ["Object.prototype.extra"]],
    ["a key named with a terminal escape", `Object.defineProperty(Object.prototype, "\\u001b[2J", { value: 1, enumerable: true });`, ["Object.prototype.\\u001b[2J"]],
  ])("ends the run as the fleet's error, writing nothing, when it cannot put back %s", async (_, line, names) => {
    const { run, args } = await generateWithMistake(line);
    expect(run.status, describeRun(args, run)).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ file: "typeflake.config.ts", severity: "error", code: "load-error", data: { kind: "built-ins", names } })]);
    expect(run.stderr).not.toContain("    at ");
  });

  it("says so in words without --json, and writes nothing", async () => {
    const root = await oneHostFleet({ host: `Object.defineProperty(Array.prototype, "map", { value: () => [], configurable: false });` });
    const run = runTypeflake(["generate"], root);
    expect(run.status, describeRun(["generate"], run)).toBe(1);
    expect(run.stderr).toContain("typeflake.config.ts error: the fleet's code changed built-ins of JavaScript and made the changes permanent (Array.prototype.map)");
    await expect(readFile(join(root, "hosts/alpha/default.nix"), "utf8")).rejects.toThrow();
  });

  /** The stderr of `generate` in `root` up to the still-loading note of `step`, after half a second; the run is then stopped. */
  const stillLoading = async (root: string, step: LoadStep): Promise<string> => {
    const child = spawn(process.execPath, typeflakeArgs(["generate"]), { cwd: root, env: { ...process.env, NO_COLOR: "1", CI: "1", [STILL_LOADING_VARIABLE]: "0.5" } });
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(stillLoadingNote(step, 0.5))) resolve();
      }),
    );
    child.kill();
    return stderr;
  };

  it("says it is still loading when fleet code keeps Node busy while a top-level await never settles", async () => {
    const root = await oneHostFleet({ host: "setInterval(() => undefined, 1000);\nawait new Promise(() => undefined);" });
    expect(await stillLoading(root, "import")).toContain(stillLoadingNote("import", 0.5));
  });

  it("says it is still loading while a loop in fleet code never ends, the thread the clock would wait for held by the loop", async () => {
    const root = await oneHostFleet({ host: "while (true) {}" });
    expect(await stillLoading(root, "import")).toContain(stillLoadingNote("import", 0.5));
  });

  it("says it is still loading when esbuild waits on a named pipe a fleet file imports", async () => {
    const root = await oneHostFleet({ host: `import "./zone.ts";` });
    execFileSync("mkfifo", [join(root, "hosts/alpha/zone.ts")]);
    expect(await stillLoading(root, "bundle")).toContain(stillLoadingNote("bundle", 0.5));
  });

  it("ends as failed, not with status 0, when fleet code removes the watch on a top-level await that never settles", async () => {
    const { run, args } = await generateWithMistake(`process.removeAllListeners("beforeExit");\nawait new Promise(() => undefined);`);
    expect(run.status, describeRun(args, run)).toBe(1);
  });
});
