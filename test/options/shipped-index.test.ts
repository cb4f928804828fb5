/**
 * typeflake reads its own shipped option index from its tree (`tree.json`), without checking
 * anything as every run starts (see `option-tree-file.ts`). That trust rests on this test: the
 * shipped `index.json`, read with every check a fleet's own index gets, is whole, the tree is its
 * tree, and the tree reads to the same index.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { optionTreeOf } from "../../generators/options/option-tree-file.ts";
import { parseOptionIndex, serializeOptionIndex } from "../../generators/options/runtime-index.ts";
import { GENERATED_FILES, SHIPPED_SCHEMA, SHIPPED_TREE_FILE, shippedOptionIndex } from "../../generators/options/shipped.ts";

const shippedFile = join(SHIPPED_SCHEMA.outDir, GENERATED_FILES.index);
const shippedJson = (): unknown => JSON.parse(readFileSync(shippedFile, "utf8"));

describe("the shipped option index", () => {
  it("passes every check a fleet's own index gets", () => {
    const checked = parseOptionIndex(shippedJson(), shippedFile);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it("ships the tree of its index (run `npx tsx scripts/generate-nixos-options.ts` when this fails)", () => {
    const expected = optionTreeOf(shippedJson(), shippedFile);
    if (!expected.ok) throw new Error("the shipped index does not pass its checks");
    const tree = readFileSync(join(SHIPPED_SCHEMA.outDir, SHIPPED_TREE_FILE), "utf8");
    expect(tree, `dsl/nixos-options/${SHIPPED_TREE_FILE} is stale`).toBe(expected.value);
  });

  it("reads from its tree to the same index as checked", () => {
    const checked = parseOptionIndex(shippedJson(), shippedFile);
    if (!checked.ok) throw new Error("the shipped index does not pass its checks");
    const trusted = shippedOptionIndex();
    expect(trusted.optionCount).toBe(checked.value.optionCount);
    // The same types, aliases and tree (the checked read puts each type's keys in its schema's order).
    expect(trusted).toEqual(checked.value);
    expect(serializeOptionIndex(trusted)).toBe(readFileSync(shippedFile, "utf8"));
  });
});
