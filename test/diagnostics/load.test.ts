/**
 * Loading a fleet directory: discovery of its files, fresh evaluation on every load, and a clear
 * report when the typeflake package cannot be found from the fleet.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAndValidate, loadFleet } from "../../generators/load/index.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { BASE_FLEET, hostFile, moduleFile } from "./support/fleet-text.ts";
import { summarize } from "./support/summary.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

const fleetDir = async (files: Record<string, string | null | undefined>): Promise<string> => {
  const root = await writeFleet(files);
  roots.push(root);
  return root;
};

describe("loadFleet", () => {
  it("finds hosts by folder, modules and overlays by file, and ignores everything else", async () => {
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/hardware.nix": "{ }",
      "hosts/README.md": "hosts",
      "hosts/.cache": null,
      "modules/common.nix": "{ }",
      "modules/types.d.ts": "export {};",
      "modules/monitoring.ts": moduleFile(`  timeZone: "UTC",`),
      "overlays/default.nix": "final: prev: { }",
    });
    const { sources, diagnostics } = await loadFleet(root);
    expect(diagnostics).toEqual([]);
    expect(sources.config?.file).toBe("typeflake.config.ts");
    expect(sources.hosts.map((source) => source.file)).toEqual(["hosts/nas/host.ts"]);
    expect(sources.modules.map((source) => [source.name, source.file])).toEqual([
      ["common", "modules/common.ts"],
      ["monitoring", "modules/monitoring.ts"],
    ]);
    expect(sources.overlays).toEqual([]);
  });

  it("evaluates files again on every load, so an edit is seen", async () => {
    const root = await fleetDir(BASE_FLEET);
    const first = await loadAndValidate(root);
    await writeFile(join(root, "hosts/nas/host.ts"), hostFile(`  address: "10.0.20.99",`));
    const second = await loadAndValidate(root);
    expect(first.fleet?.hosts[0]?.config.address).toBe("10.0.20.10");
    expect(second.fleet?.hosts[0]?.config.address).toBe("10.0.20.99");
  });

  const importing = (address: string) => `import { defineHost } from "typeflake";\nimport { zone } from "../../shared.ts";\nexport default defineHost({ address: "${address}", timeZone: zone });\n`;
  /** Three hosts importing `shared.ts`, written as `shared`. */
  const sharingFleet = (shared: string) =>
    fleetDir({ ...BASE_FLEET, "hosts/nas/host.ts": importing("10.0.20.10"), "hosts/web/host.ts": importing("10.0.20.11"), "hosts/db/host.ts": importing("10.0.20.12"), "shared.ts": shared });

  it.each([
    ["a syntax error", `export const zone = "UTC"\nexport const broken = ;\n`, "syntax-error", 2, 23],
    ["a throw at its top level", `export const zone = "UTC";\nthrow new Error("shared is broken");\n`, "load-error", 2, 7],
  ])("reports %s in a file several definitions import once, where it is, and one note for the hosts it stops", async (_, shared, code, line, column) => {
    const root = await sharingFleet(shared);
    const { diagnostics } = await runPipeline(root);
    expect(diagnostics.map((d) => [d.severity, d.code, d.origin.file, d.location?.line, d.location?.column])).toEqual([
      ["error", code, "shared.ts", line, column],
      ["info", "checks-skipped", "hosts/db/host.ts", undefined, undefined],
    ]);
    expect(diagnostics[1]?.data).toEqual({ files: ["hosts/db/host.ts", "hosts/nas/host.ts", "hosts/web/host.ts"] });
  });

  it("reports a throw inside a helper's function at each host's call: the host's mistake, not the helper's", async () => {
    const calling = (address: string) =>
      `import { defineHost } from "typeflake";\nimport { zoneOf } from "../../shared.ts";\nexport default defineHost({ address: "${address}", timeZone: zoneOf("x") });\n`;
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/host.ts": calling("10.0.20.10"),
      "hosts/web/host.ts": calling("10.0.20.11"),
      "shared.ts": `export const zoneOf = (host: string): string => {\n  throw new Error(\`no zone for \${host}\`);\n};\n`,
    });
    const { diagnostics } = await loadFleet(root);
    expect(diagnostics.map((d) => [d.code, d.origin.file, d.location?.line, d.data])).toEqual(
      ["hosts/nas/host.ts", "hosts/web/host.ts"].map((file) => [
        "load-error",
        file,
        3,
        { kind: "threw", name: "Error", message: "no zone for x", thrownAt: { file: "shared.ts", line: 2, column: 9 } },
      ]),
    );
  });

  it.each([
    ["an Error whose message getter throws", `class Odd extends Error { override get message(): string { throw new Error("inner"); } }\nthrow new Odd();\n`, "load-error"],
    ["an Error whose stack is not text", `const odd = new Error("odd");\nObject.defineProperty(odd, "stack", { value: 42 });\nthrow odd;\n`, "load-error"],
    ["a Proxy whose every trap throws", `throw new Proxy({}, { get() { throw new Error("all"); }, getPrototypeOf() { throw new Error("all"); } });\n`, "load-error"],
    ["a default export that is a revoked Proxy", `const { proxy, revoke } = Proxy.revocable({}, {});\nrevoke();\nexport default proxy;\n`, "unreadable-value"],
  ])("reports a file that throws or exports %s, never crashing on it", async (_, text, code) => {
    const root = await fleetDir({ ...BASE_FLEET, "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n${text}` });
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => [d.code, d.origin.file])).toEqual([[code, "hosts/nas/host.ts"]]);
  });

  it.each([
    ["an Error with a cause: the cause, which often says what is wrong", `throw new Error("cannot read the key", { cause: new Error("ENOENT: no such file") });`, "threw while loading: Error: cannot read the key, caused by Error: ENOENT: no such file"],
    ["an AggregateError: the errors it gathers", `throw new AggregateError([new Error("a"), "b"], "many");`, 'threw while loading: AggregateError: many, caused by Error: a, caused by "b"'],
    ["an Error that is its own cause: named once", `const e = new Error("loop");\n(e as any).cause = e;\nthrow e;`, "threw while loading: Error: loop"],
    ["an Error without a message: no dangling colon", `throw new TypeError();`, "threw while loading: TypeError"],
    ["an Error named by an object: its class's name, not [object Object]", `const e = new Error("m");\n(e as any).name = {};\nthrow e;`, "threw while loading: Error: m"],
    ["an Error whose message is an object: its JSON", `const e = new Error();\n(e as any).message = { code: 7 };\nthrow e;`, 'threw while loading: Error: {"code":7}'],
    ["an object that holds itself: no [object Object]", `const o: any = {};\no.self = o;\nthrow o;`, "threw an object while loading; what is not an Error carries no line, so typeflake cannot say where: throw new Error(\"…\") instead"],
    ["a class's instance", `throw new (class Oops { x = 1 })();`, "threw an Oops object while loading; what is not an Error carries no line, so typeflake cannot say where: throw new Error(\"…\") instead"],
    ["a BigInt", `throw 5n;`, "threw 5n while loading; what is not an Error carries no line, so typeflake cannot say where: throw new Error(\"…\") instead"],
    ["a message of megabytes: its first thousand characters", `throw new Error("y".repeat(5_000_000));`, `threw while loading: Error: ${"y".repeat(1000)}… (4999000 more characters)`],
  ])("words what a file threw, whatever it is: %s", async (_, text, message) => {
    const root = await fleetDir({ ...BASE_FLEET, "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n${text}\nexport default defineHost({ address: "10.0.20.10" });\n` });
    const { diagnostics } = await loadFleet(root);
    expect(summarize(diagnostics).map((d) => [d.code, d.message])).toEqual([["load-error", message]]);
  });

  it("loads a fleet outside any project: its typeflake import is the running typeflake", async () => {
    const root = await writeFleet(BASE_FLEET, tmpdir());
    roots.push(root);
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(diagnostics).toEqual([]);
    expect(fleet?.hosts.map((host) => host.name)).toEqual(["nas"]);
  });
});
