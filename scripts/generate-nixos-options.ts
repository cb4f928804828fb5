/**
 * Regenerate typeflake's shipped option types and index (`dsl/nixos-options/`) from the
 * repository's copy of the NixOS option data (`data/nixos/`, see its PROVENANCE.md), and the
 * index's tree that runs read (see `option-tree-file.ts`). Run with
 * `npx tsx scripts/generate-nixos-options.ts`; a test fails while the committed files differ
 * from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runOptionsImport } from "../generators/cli/commands/options.ts";
import { optionTreeOf } from "../generators/options/option-tree-file.ts";
import { GENERATED_FILES, SHIPPED_SCHEMA, SHIPPED_TREE_FILE } from "../generators/options/shipped.ts";

process.exitCode = await runOptionsImport(
  {
    optionsFile: SHIPPED_SCHEMA.optionsFile,
    aliasesFile: SHIPPED_SCHEMA.aliasesFile,
    outDir: SHIPPED_SCHEMA.outDir,
    target: "package",
    expressionsImport: SHIPPED_SCHEMA.expressionsImport,
    force: false,
    cwd: process.cwd(),
  },
  { info: (message) => console.log(message), error: (message) => console.error(message) },
);

if (process.exitCode === 0) {
  const indexFile = join(SHIPPED_SCHEMA.outDir, GENERATED_FILES.index);
  const tree = optionTreeOf(JSON.parse(readFileSync(indexFile, "utf8")), indexFile);
  if (!tree.ok) throw new Error(`${indexFile} does not read back: ${JSON.stringify(tree.problems)}`);
  writeFileSync(join(SHIPPED_SCHEMA.outDir, SHIPPED_TREE_FILE), tree.value);
}
