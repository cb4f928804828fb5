/**
 * typeflake reads its own shipped option index trusted, without checking its shape or types as
 * every run starts (see `IndexReading.trusted`). That trust rests on this test: the shipped file,
 * read with every check a fleet's own index gets, is whole, and reads to the same index.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOptionIndex, serializeOptionIndex } from "../../generators/options/runtime-index.ts";
import { GENERATED_FILES, SHIPPED_SCHEMA, shippedOptionIndex } from "../../generators/options/shipped.ts";

const shippedFile = join(SHIPPED_SCHEMA.outDir, GENERATED_FILES.index);
const shippedJson = (): unknown => JSON.parse(readFileSync(shippedFile, "utf8"));

describe("the shipped option index", () => {
  it("passes every check a fleet's own index gets", () => {
    const checked = parseOptionIndex(shippedJson(), shippedFile);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it("reads trusted to the same index as checked", () => {
    const checked = parseOptionIndex(shippedJson(), shippedFile);
    if (!checked.ok) throw new Error("the shipped index does not pass its checks");
    const trusted = shippedOptionIndex();
    expect(trusted.optionCount).toBe(checked.value.optionCount);
    // The same types, aliases and tree (the checked read puts each type's keys in its schema's order).
    expect(trusted).toEqual(checked.value);
    expect(serializeOptionIndex(trusted)).toBe(readFileSync(shippedFile, "utf8"));
  });
});
