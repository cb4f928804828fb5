/**
 * Regenerate typeflake's shipped option types and index (`dsl/nixos-options/`) from the
 * repository's copy of the NixOS option data (`data/nixos/`, see its PROVENANCE.md). Run with
 * `npx tsx scripts/generate-nixos-options.ts`; a test fails while the committed files differ
 * from what this writes.
 */
import { runOptionsImport } from "../generators/cli/commands/options.ts";
import { SHIPPED_SCHEMA } from "../generators/options/shipped.ts";

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
