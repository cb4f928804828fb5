/**
 * The option schema typeflake ships: generated from the repository's copy of the NixOS option
 * data (`data/nixos/`, see its PROVENANCE.md) into `dsl/nixos-options/` by
 * `scripts/generate-nixos-options.ts`, loaded once on first use.
 *
 * Every location is relative to this module file, so the same code works from sources
 * (`generators/options/shipped.ts`) and from the compiled package, whose `dist/` mirrors the
 * source tree (`dist/generators/options/shipped.js` beside `dist/dsl/nixos-options/index.json`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatInputProblem } from "./options-file.ts";
import { type OptionIndex, parseOptionIndex } from "./runtime-index.ts";

const beside = (relativePath: string): string => fileURLToPath(new URL(relativePath, import.meta.url));

/** The file names of the generated output inside the output folder. */
export const GENERATED_FILES = { types: "types.ts", index: "index.json" } as const;

/**
 * Where the shipped schema comes from and where its generated files live. The `data/` inputs
 * exist only in the repository (the generator script and the tests read them); the package
 * ships just the generated output.
 */
export const SHIPPED_SCHEMA = {
  optionsFile: beside("../../data/nixos/nixos-options.json"),
  aliasesFile: beside("../../data/nixos/nixos-option-aliases.json"),
  outDir: beside("../../dsl/nixos-options"),
  /** How the generated `types.ts` imports typeflake's option value types (`dsl/option-values.ts`). */
  expressionsImport: "../option-values.ts",
} as const;

/** typeflake's own folder (the package root) and its `dsl/option-values.ts`, for import specifiers. */
export const TYPEFLAKE_PACKAGE = {
  root: beside("../.."),
  expressions: beside("../../dsl/option-values.ts"),
} as const;

let shipped: OptionIndex | undefined;

/** The shipped runtime index (`dsl/nixos-options/index.json`). */
export function shippedOptionIndex(): OptionIndex {
  if (!shipped) {
    const file = beside(`../../dsl/nixos-options/${GENERATED_FILES.index}`);
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
