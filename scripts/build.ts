/**
 * Build the published package into `dist/`:
 *
 * 1. declarations: tsc writes the `.d.ts` of `dsl/`, `services/` and `generators/` (the DSL's and
 *    the service schemas' are what users' editors and tsc read), and the doc comments of zod schema fields are carried into them
 *    (see `doc-transplant.ts`);
 * 2. JavaScript: one code-split esbuild bundle of the CLI and the DSL with source maps (see
 *    `bundle.ts`), modules that only depend on typeflake's own files evaluated at build time
 *    (see `precompiled-modules.ts`);
 * 3. the runtime files the bundle reads (the option index, `init`'s templates), copied to the
 *    same paths under `dist/`;
 * 4. `dist/build-inputs.json`, the files the build read: `bin/typeflake.mjs` compares
 *    their times with its own in a checkout of the repository, to tell a stale `dist/`;
 * 5. `dist/build-id`, last: the hash of everything in `dist/`, which names this build in the run
 *    cache's records (see `generators/cache/code-identity.ts`).
 *
 * Run by `npm run build` and by `prepack`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { BUILD_INPUTS_FILE } from "../bin/stale-dist.mjs";
import { bundle } from "./bundle.ts";
import { transplantDocComments } from "./doc-transplant.ts";
import { BUILD_ID_FILE, codeTreeHash } from "../generators/cache/code-identity.ts";
import { TEMPLATE_FILES } from "../generators/files/templates.ts";
import { SOURCE_FOLDERS } from "../generators/package-info.ts";
import { precompiledModules, TEMPLATES_MODULE } from "./precompiled-modules.ts";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
/** Files tsc does not compile: the bundle reads them at run time or precompiles them, or they declare plain JavaScript. */
const DATA_FILE = /\.(hbs|json|d\.mts)$/;
/** The templates the build precompiles into the bundle: the package needs no copy of them. */
const PRECOMPILED_TEMPLATES = new Set(TEMPLATE_FILES.map((file) => join(root, TEMPLATES_MODULE, "..", file)));

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

rmSync(dist, { recursive: true, force: true });
// typescript does not export its bin; node_modules/.bin is where npm links it.
execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "tsconfig.build.json")], { stdio: ["ignore", process.stderr, process.stderr] });
// Users write against dsl/ and the service schemas it takes from services/; generators/ has no hover docs to carry.
const documented = transplantDocComments({ root, dist, folders: ["dsl", "services"] });

const { inputs } = await bundle(root, dist, precompiledModules(root));

const dataFiles = SOURCE_FOLDERS.flatMap((folder) => filesUnder(join(root, folder))).filter((path) => DATA_FILE.test(path));
for (const file of dataFiles.filter((path) => !PRECOMPILED_TEMPLATES.has(path))) {
  cpSync(file, join(dist, relative(root, file)));
}

// typeflake's own files only: installed dependencies keep the times of their tarballs, so a
// changed dependency cannot be told by its time anyway.
const isOwn = (input: string): boolean => SOURCE_FOLDERS.some((folder) => input.startsWith(`${folder}/`));
const ownInputs = [...inputs.filter(isOwn), ...dataFiles.map((path) => relative(root, path).split(sep).join("/"))];
writeFileSync(join(dist, BUILD_INPUTS_FILE), `${JSON.stringify([...new Set(ownInputs)].sort(), null, 2)}\n`);
writeFileSync(join(dist, BUILD_ID_FILE), `${await codeTreeHash([dist])}\n`);
// stderr: stdout belongs to the command that packs (npm pack --json).
console.error(`typeflake build: dist/ written (${inputs.length} bundled inputs); doc comments carried into ${documented} declaration fields`);
