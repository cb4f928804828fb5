/**
 * Build the published package: compile typeflake's TypeScript (`dsl/`, `generators/`) into
 * `dist/` with declarations and source maps, copy the runtime files tsc does not emit (templates,
 * the option index, plain `.mjs`), then carry the doc comments of zod schema fields into the
 * declarations (see `doc-transplant.ts`). Run by `npm run build` and by `prepack`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { transplantDocComments } from "./doc-transplant.ts";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const SOURCE_FOLDERS = ["dsl", "generators"];
/** Files tsc neither compiles nor copies but typeflake reads at run time. */
const RUNTIME_FILE = /\.(hbs|json|mjs|d\.mts)$/;

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

rmSync(dist, { recursive: true, force: true });
// typescript does not export its bin; node_modules/.bin is where npm links it.
execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "tsconfig.build.json")], { stdio: ["ignore", process.stderr, process.stderr] });

for (const folder of SOURCE_FOLDERS) {
  for (const file of filesUnder(join(root, folder)).filter((path) => RUNTIME_FILE.test(path))) {
    const target = join(dist, relative(root, file));
    cpSync(file, target);
  }
}

// Only dsl/ is what users write against; generators/ has no hover docs to carry.
const documented = transplantDocComments({ root, dist, folders: ["dsl"] });
// stderr: stdout belongs to the command that packs (npm pack --json).
console.error(`typeflake build: dist/ written; doc comments carried into ${documented} declaration fields`);
