/**
 * The bin runs the compiled dist/ of a checkout only while it is current: it compares the build's
 * list of input files with the list's own time, with no walk over the source folders.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_INPUTS_FILE, distIsStale } from "../../bin/stale-dist.mjs";

let root = "";
const BUILT = new Date("2026-01-02T00:00:00Z");

const write = (path: string, text: string, time: Date) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
  utimesSync(join(root, path), time, time);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "typeflake-stale-dist-"));
  const before = new Date(BUILT.getTime() - 60_000);
  write("dsl/index.ts", "export {};", before);
  write("generators/files/inventory.md.hbs", "{{header}}", before);
  write(`dist/${BUILD_INPUTS_FILE}`, JSON.stringify(["dsl/index.ts", "generators/files/inventory.md.hbs"]), BUILT);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("a checkout's dist/", () => {
  it("is current when every input is older than the build", () => {
    expect(distIsStale(root)).toBe(false);
  });

  it("is stale when an input changed after the build, a template as much as a module", () => {
    write("generators/files/inventory.md.hbs", "{{header}}!", new Date(BUILT.getTime() + 1000));
    expect(distIsStale(root)).toBe(true);
  });

  it("is stale when an input is gone", () => {
    rmSync(join(root, "dsl/index.ts"));
    expect(distIsStale(root)).toBe(true);
  });

  it("is stale when it was never built, or its build did not finish (no input list)", () => {
    rmSync(join(root, "dist", BUILD_INPUTS_FILE));
    expect(distIsStale(root)).toBe(true);
  });

  it("ignores a new file no input names (it matters only once an input, then newer, imports it)", () => {
    write("generators/new-module.ts", "export {};", new Date(BUILT.getTime() + 1000));
    expect(distIsStale(root)).toBe(false);
  });
});
