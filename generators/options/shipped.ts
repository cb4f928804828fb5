/**
 * The option schema typeflake ships: generated from the repository's copy of the NixOS option
 * data (`data/nixos/`, see its PROVENANCE.md) into `dsl/nixos-options/` by
 * `scripts/generate-nixos-options.ts`, loaded once on first use.
 *
 * Locations are named by their path in the source tree (see `typeflakeFile`), so the same code
 * works from the sources and from the compiled package, whose build copies the index and its
 * tree to `dist/dsl/nixos-options/`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TYPEFLAKE_PACKAGE_INFO, typeflakeFile } from "../package-info.ts";
import { type OptionTreeFile, readOptionTreeFile } from "./option-tree-file.ts";
import type { OptionIndex } from "./runtime-index.ts";

/** A file of typeflake's repository that only the repository has (the package ships none of `data/`). */
const inRepository = (path: string): string => join(TYPEFLAKE_PACKAGE_INFO.root, path);

/** The file names of the generated output inside the output folder. */
export const GENERATED_FILES = { types: "types.ts", index: "index.json" } as const;

/** The shipped index's tree, beside the generated output (see `option-tree-file.ts`). */
export const SHIPPED_TREE_FILE = "tree.json";

/**
 * Where the shipped schema comes from and where its generated files live. The `data/` inputs
 * exist only in the repository (the generator script and the tests read them); the package
 * ships just the generated output.
 */
export const SHIPPED_SCHEMA = {
  optionsFile: inRepository("data/nixos/nixos-options.json"),
  aliasesFile: inRepository("data/nixos/nixos-option-aliases.json"),
  outDir: inRepository("dsl/nixos-options"),
  /** How the generated `types.ts` imports typeflake's option value types (`dsl/option-values.ts`). */
  expressionsImport: "../option-values.ts",
} as const;

let shipped: OptionIndex | undefined;

/** The shipped runtime index, read from its tree (`dsl/nixos-options/tree.json`, see `option-tree-file.ts`). */
export function shippedOptionIndex(): OptionIndex {
  if (!shipped) {
    const file = typeflakeFile(`dsl/nixos-options/${SHIPPED_TREE_FILE}`);
    const read = readOptionTreeFile(JSON.parse(readFileSync(file, "utf8")) as OptionTreeFile);
    if (!read) throw new Error(`typeflake's option index (${file}) is damaged; run scripts/generate-nixos-options.ts`);
    shipped = read;
  }
  return shipped;
}
