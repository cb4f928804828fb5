import { describe, expect, it } from "vitest";
import { validatePlan } from "../../generators/emit/validate-plan.ts";
import { planned } from "./support/tree.ts";

describe("validatePlan", () => {
  it("accepts a well-formed plan", () => {
    expect(validatePlan({ files: [planned("flake.nix", "{ }\n"), planned("hosts/nas/default.nix", "{ }\n")] })).toEqual([]);
  });

  it.each([
    ["", "empty"],
    ["/etc/passwd", "absolute"],
    ["C:/fleet/flake.nix", "absolute"],
    ["../escape.nix", "`..`"],
    ["hosts/../../escape.nix", "`..`"],
    ["hosts/./nas.nix", "`.`"],
    ["hosts//nas.nix", "empty segment"],
    ["hosts/", "empty segment"],
    ["hosts\\nas.nix", "`/` separators"],
    ["a\0b", "NUL"],
    [".typeflake/manifest.json", "reserves"],
  ])("refuses the unsafe path %j", (path, why) => {
    const [problem, ...rest] = validatePlan({ files: [planned(path, "{ }\n")] });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path, code: "invalid-path" });
    expect(problem?.message).toContain(why);
  });

  it("refuses a path planned twice, naming both sources", () => {
    const plan = { files: [planned("flake.nix", "{ }\n", "a.ts"), planned("flake.nix", "{ }\n", "b.ts")] };
    expect(validatePlan(plan)).toEqual([expect.objectContaining({ path: "flake.nix", code: "duplicate-path", message: expect.stringContaining("a.ts and b.ts") })]);
  });

  it("refuses a path planned both as a file and as a directory", () => {
    const plan = { files: [planned("hosts.nix/nas/default.nix", "{ }\n"), planned("hosts.nix", "{ }\n")] };
    expect(validatePlan(plan)).toEqual([
      expect.objectContaining({ path: "hosts.nix", code: "path-conflict", message: expect.stringContaining("hosts.nix/nas/default.nix") }),
    ]);
  });

  it("refuses a file of a kind typeflake does not write: the search for orphans would never find it", () => {
    const [problem, ...rest] = validatePlan({ files: [planned("hosts/nas/notes.txt", "# x\n")] });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: "hosts/nas/notes.txt", code: "invalid-path" });
    expect(problem?.message).toContain("typeflake writes only .nix, .yaml, .md files");
  });

  it("refuses a planned file without the generated header", () => {
    const plan = { files: [{ path: "flake.nix", source: "typeflake.config.ts", text: "{ }\n" }] };
    expect(validatePlan(plan)).toEqual([expect.objectContaining({ path: "flake.nix", code: "missing-header" })]);
  });
});
