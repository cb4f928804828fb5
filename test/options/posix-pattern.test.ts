import { describe, expect, it } from "vitest";
import { matcherOf } from "../../generators/options/posix-pattern.ts";
import { parseOptionType } from "../../generators/options/parse-type.ts";
import { typeParts } from "../../generators/options/option-type.ts";
import { nixInstantiate } from "../support/nix.ts";
import { shippedTypeTexts } from "./support.ts";

const matches = (pattern: string, value: string): boolean | undefined => matcherOf(pattern)?.test(value);

describe("strMatching patterns read as builtins.match reads them (POSIX extended)", () => {
  it("takes a backslash inside brackets as a character: systemd's escaped unit names", () => {
    const unit = "[a-zA-Z0-9@%:_.\\-]+[.](service|socket|device|mount|automount|swap|target|path|timer|scope|slice)";
    expect(matches(unit, "dev-disk-by\\x2dlabel-data.device")).toBe(true);
    expect(matches(unit, "a b.service")).toBe(false);
    expect(matches("[]a]+", "]a")).toBe(true);
    expect(matches("[^]a]+", "b")).toBe(true);
  });

  it("lets `.` match a line break, and expands the named classes", () => {
    expect(matches("a.b", "a\nb")).toBe(true);
    expect(matches("[[:digit:]]{2}:[[:digit:]]{2}", "12:30")).toBe(true);
    expect(matches("[[:digit:]]{2}:[[:digit:]]{2}", "1:30")).toBe(false);
    expect(matcherOf("[[:nonsense:]]")).toBeUndefined();
  });

  it("agrees with nix's builtins.match on every shipped pattern", () => {
    const patterns = [...new Set(shippedTypeTexts.flatMap((text) => [...typeParts(parseOptionType(text))].flatMap((part) => (part.kind === "string" && part.pattern !== undefined ? [part.pattern] : []))))];
    const samples = ["", "a", "ab", "A-1", "a b", "a\nb", "a\rb", "x.service", "dev-disk-by\\x2dlabel.device", "a\\b.mount", "12:30", "2024-01-31", "lz4", "auto,zstd,3", "none", "10G", "1.5T", "abcdef", "ABC12f", "0755", "12345678", "é", "a/b", "a{b}", "3d", "12:34", "_x"];
    const expected = JSON.parse(
      nixInstantiate([
        "--eval",
        "--strict",
        "--json",
        "--expr",
        `map (p: map (s: builtins.match p s != null) (builtins.fromJSON ${JSON.stringify(JSON.stringify(samples))})) (builtins.fromJSON ${JSON.stringify(JSON.stringify(patterns))})`,
      ]),
    ) as boolean[][];
    expect(patterns.length).toBeGreaterThan(5);
    const disagreements = patterns.flatMap((pattern, p) =>
      samples.flatMap((sample, s) => (matches(pattern, sample) === expected[p]?.[s] ? [] : [`${JSON.stringify(pattern)} on ${JSON.stringify(sample)}: nix says ${expected[p]?.[s]}`])),
    );
    expect(disagreements).toEqual([]);
  });
});
