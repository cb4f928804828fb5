import { describe, expect, it } from "vitest";
import { bareImportsBut } from "../../generators/load/fleet-bundle.ts";
import { packageNameOf } from "../../generators/load/package-import.ts";

describe("the filter for package imports other than typeflake", () => {
  const filter = bareImportsBut("typeflake");

  it.each(["zod", "t", "ty", "typeflak", "typeflakes", "typeflake-extra", "typeflake/sub", "@scope/pkg", "node:fs", "yaml"])("takes %j", (name) => {
    expect(filter.test(name)).toBe(true);
  });

  it.each(["typeflake", "./shared.ts", "../x", "/abs/path.ts"])("leaves %j", (name) => {
    expect(filter.test(name)).toBe(false);
  });

  it("escapes what a name holds literally", () => {
    const odd = bareImportsBut("a.b-c");
    expect([odd.test("a.b-c"), odd.test("axb-c"), odd.test("a.b-cd"), odd.test("a.b")]).toEqual([false, true, true, true]);
  });
});

describe("the package a bare import names", () => {
  it.each([
    ["zod", "zod"],
    ["zod/v4/core", "zod"],
    ["@scope/pkg", "@scope/pkg"],
    ["@scope/pkg/deep/file.js", "@scope/pkg"],
    ["#lib/net", undefined],
  ])("%j names %j", (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name);
  });
});
