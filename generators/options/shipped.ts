/**
 * The option schema typeflake ships: generated from `../shared/nixos/` into
 * `dsl/nixos-options/` by `scripts/generate-nixos-options.ts`, loaded once on first use.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatInputProblem } from "./options-file.ts";
import { type OptionIndex, parseOptionIndex } from "./runtime-index.ts";

const repositoryRoot = resolve(import.meta.dirname, "../..");

/** Where the shipped schema comes from and where its generated files live. */
export const SHIPPED_SCHEMA = {
  optionsFile: resolve(repositoryRoot, "../shared/nixos/nixos-options.json"),
  aliasesFile: resolve(repositoryRoot, "../shared/nixos/nixos-option-aliases.json"),
  outDir: resolve(repositoryRoot, "dsl/nixos-options"),
  /** How the generated `types.ts` imports typeflake's expression values. */
  expressionsImport: "../expressions.ts",
} as const;

/** typeflake's own folder (the package root) and its `dsl/expressions.ts`, for import specifiers. */
export const TYPEFLAKE_PACKAGE = {
  root: repositoryRoot,
  expressions: resolve(repositoryRoot, "dsl/expressions.ts"),
} as const;

/** The file names of the generated output inside the output folder. */
export const GENERATED_FILES = { types: "types.ts", index: "index.json" } as const;

let shipped: OptionIndex | undefined;

/** The shipped runtime index (`dsl/nixos-options/index.json`). */
export function shippedOptionIndex(): OptionIndex {
  if (!shipped) {
    const file = resolve(SHIPPED_SCHEMA.outDir, GENERATED_FILES.index);
    const parsed = parseOptionIndex(JSON.parse(readFileSync(file, "utf8")), file);
    if (!parsed.ok) {
      throw new Error(
        `typeflake's option index is damaged; run scripts/generate-nixos-options.ts:\n${parsed.problems.map(formatInputProblem).join("\n")}`,
      );
    }
    shipped = parsed.value;
  }
  return shipped;
}
