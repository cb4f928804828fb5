/**
 * A fleet's committed `index.json` is input like any other: read with everything checked (its
 * structured types with bounded nesting, path lengths, documentation), a damaged one reported
 * as located diagnostics that name the fix, and the documentation fields kept through a round
 * trip. Without one, the shipped index is used.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DAMAGED_OPTION_INDEX, loadOptionIndex } from "../../generators/load/fleet-option-index.ts";
import { FLEET_INDEX_PATH } from "../../generators/options/fleet-schema.ts";
import { readOptionsJson } from "../../generators/options/options-file.ts";
import { buildOptionIndex, parseOptionIndex, serializeOptionIndex } from "../../generators/options/runtime-index.ts";
import { shippedOptionIndex } from "../../generators/options/shipped.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const OPTIONS = {
  "lab.enable": {
    type: "boolean",
    description: "Whether to enable the lab.",
    default: { _type: "literalExpression", text: "false" },
    example: true,
    declarations: ["modules/lab.nix"],
  },
  "lab.paths": { type: "list of string" },
};

const declarations = () => {
  const read = readOptionsJson(OPTIONS, "options.json");
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
};
const indexText = () => serializeOptionIndex(buildOptionIndex(declarations(), [], ["options.json"]));
const indexJson = () => JSON.parse(indexText()) as { types: unknown[][]; options: Record<string, number> };

const problemsOf = (json: unknown): string[] => {
  const parsed = parseOptionIndex(json, "index.json", { docs: true });
  return parsed.ok ? [] : parsed.problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`);
};

describe("the index of a fleet", () => {
  it("keeps each option's description, default, example and declaring files, one line per option", () => {
    const text = indexText();
    expect(text).toContain(
      '"lab.enable": {"description":"Whether to enable the lab.","default":"false","example":"true","declaredIn":["modules/lab.nix"]}',
    );
    const parsed = parseOptionIndex(JSON.parse(text), "index.json", { docs: true });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializeOptionIndex(parsed.value)).toBe(text);
    // Validation leaves the documentation unread.
    const bare = parseOptionIndex(JSON.parse(text), "index.json");
    expect(bare.ok && bare.value.root.children.get("lab")?.children.get("enable")?.option?.description).toBeUndefined();
  });

  it("keeps the shape of an index without documentation (the shipped one)", () => {
    expect(serializeOptionIndex(shippedOptionIndex())).not.toContain('"docs"');
  });

  it("refuses a type nested a million levels deep without overflowing the stack", () => {
    let deep: unknown = { kind: "bool" };
    for (let level = 0; level < 1_000_000; level++) deep = { kind: "list", of: deep };
    const json = indexJson();
    json.types[0] = ["list of list of …", deep];
    expect(problemsOf(json)).toEqual(["types.0.1: the type nests more than 256 levels deep; no NixOS type does"]);
    expect(parseOptionIndex(json, "index.json").ok).toBe(false);
  });

  it("refuses structured types that are not typeflake's, option paths of absurd length and documentation of nothing", () => {
    const json = indexJson() as Record<string, unknown> & { types: unknown[][]; options: Record<string, number> };
    json.types[0] = ["boolean", { kind: "list" }];
    json.options[Array.from({ length: 500 }, () => "a").join(".")] = 1;
    json["docs"] = { "lab.nothing": { description: "?" }, "lab.paths": { description: 1 } };
    expect(problemsOf(json).sort()).toEqual([
      "types.0.1: not a structured option type at of: Invalid input: expected object, received undefined",
      `options.${Array.from({ length: 500 }, () => "a").join(".")}: the option path has 500 parts; at most 128 are accepted`,
      "docs.lab.paths.description: Invalid input: expected string, received number",
      "docs.lab.nothing: documents an option the index does not have",
    ].sort());
  });
});

describe("loading the option index of a fleet", () => {
  const fleets: string[] = [];
  afterAll(() => Promise.all(fleets.map(removeFleet)));
  const fleetWith = async (index: string | undefined): Promise<string> => {
    const root = await writeFleet({});
    fleets.push(root);
    if (index !== undefined) {
      mkdirSync(join(root, ".typeflake/options"), { recursive: true });
      writeFileSync(join(root, FLEET_INDEX_PATH), index);
    }
    return root;
  };

  it("takes the shipped index when the fleet has none, the fleet's when it has one", async () => {
    expect(await loadOptionIndex(await fleetWith(undefined))).toMatchObject({ source: "shipped", diagnostics: [] });
    const own = await loadOptionIndex(await fleetWith(indexText()));
    expect(own).toMatchObject({ source: "fleet", diagnostics: [] });
    expect(own.index?.optionCount).toBe(2);
  });

  it("reports a file that is not JSON at the place JSON.parse stopped, with the fix", async () => {
    const loaded = await loadOptionIndex(await fleetWith('{\n  "format": "typeflake-nixos-option-index/1",\n  "types": [1 2]\n}\n'));
    expect(loaded.index).toBeUndefined();
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({
      severity: "error",
      code: DAMAGED_OPTION_INDEX,
      origin: { file: ".typeflake/options/index.json" },
      location: { line: 3, column: 15 },
    });
    expect(loaded.diagnostics[0] && messageOf(loaded.diagnostics[0])).toMatch(/^the fleet's option index is not JSON \(.*\); run `typeflake options sync`/);
  });

  it("reports each problem of a damaged index at its line", async () => {
    const text = indexText().replace('"lab.paths": 1', '"lab.paths": 7');
    const loaded = await loadOptionIndex(await fleetWith(text));
    expect(loaded.diagnostics.map((diagnostic) => [diagnostic.location?.line, messageOf(diagnostic)])).toEqual([
      [
        text.split("\n").findIndex((line) => line.includes('"lab.paths": 7')) + 1,
        "the fleet's option index at options › lab.paths: type number 7 is not in the types table; run `typeflake options sync` (or `typeflake options import <options.json>`) to write it again",
      ],
    ]);
  });
});
