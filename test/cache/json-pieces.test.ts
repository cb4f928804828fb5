/**
 * The run record is written in pieces (`jsonPieces`): joined, they must be exactly the text
 * `JSON.stringify` gives, whatever the depth the value is opened to, or the record's hash and
 * body would not be those of the record.
 */
import { describe, expect, it } from "vitest";
import { jsonPieces } from "../../generators/cache/json-pieces.ts";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const awkward = {
  text: 'quotes " and \\ and \n and \u2028 and é',
  nothing: null,
  gone: undefined,
  method: () => 1,
  [Symbol("hidden")]: 1,
  2: "integer keys first",
  list: [1, undefined, () => 2, null, [[]], {}, "x"],
  holes: [, 1, ,],
  nested: { deeper: { deepest: [{ a: 1, b: [true, false] }] } },
  date: new Date(0),
  custom: { toJSON: () => "custom" },
  instance: new Point(1, 2),
  bare: Object.assign(Object.create(null) as object, { z: 1, a: 2 }),
  numbers: [0, -0, 1.5, NaN, Infinity, -1e21],
};

describe("jsonPieces", () => {
  it.each([0, 1, 2, 3, 10])("joins to JSON.stringify's text when opened %i levels deep", (depth) => {
    expect([...jsonPieces(awkward, depth)].join("")).toBe(JSON.stringify(awkward));
  });

  it.each([[[]], [{}], ["text"], [3], [null], [[undefined]], [{ only: undefined }]])("joins to JSON.stringify's text for %j", (value) => {
    expect([...jsonPieces(value, 5)].join("")).toBe(JSON.stringify(value));
  });

  it("keeps each value below the depth in one piece", () => {
    const files = [{ path: "a.nix", text: "x".repeat(100) }, { path: "b.nix", text: "y" }];
    expect([...jsonPieces({ plan: { files } }, 3)]).toContain(JSON.stringify(files[0]));
  });
});
