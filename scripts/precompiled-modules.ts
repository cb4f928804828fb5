/**
 * Modules of typeflake that the build evaluates once and ships as their result: their work
 * depends only on typeflake's own files, so doing it at every run would only cost start-up.
 *
 * - `generators/files/templates.ts`: the handlebars templates of `generate`, precompiled, run by
 *   handlebars' small runtime (the compiler and its source-map dependency are never loaded).
 * - `generators/schema/documented-schema.ts`: `typeflake schema`'s definitions, whose doc
 *   comments the TypeScript checker reads in seconds, as JSON.
 *
 * Each stand-in exports the same names as the module it replaces and gives the same results
 * (test/build/precompiled-modules.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { TEMPLATE_FILES, TEMPLATE_OPTIONS } from "../generators/files/templates.ts";
import { documentedSchemaDefinitions } from "../generators/schema/documented-schema.ts";

/** A module's path in the source tree (relative, `/`-separated) → the JavaScript shipped instead. */
export type PrecompiledModules = ReadonlyMap<string, string>;

/** The source path of the templates module. */
export const TEMPLATES_MODULE = "generators/files/templates.ts";

/** The source path of the documented schema module. */
export const DOCUMENTED_SCHEMA_MODULE = "generators/schema/documented-schema.ts";

const templatesModule = (root: string): string => {
  const folder = join(root, TEMPLATES_MODULE, "..");
  const specs = TEMPLATE_FILES.map((file) => `  ${JSON.stringify(file)}: ${Handlebars.precompile(readFileSync(join(folder, file), "utf8"), TEMPLATE_OPTIONS)},`);
  return [
    `import Handlebars from "handlebars/runtime";`,
    `export const TEMPLATE_FILES = ${JSON.stringify(TEMPLATE_FILES)};`,
    `export const TEMPLATE_OPTIONS = ${JSON.stringify(TEMPLATE_OPTIONS)};`,
    `const SPECS = {\n${specs.join("\n")}\n};`,
    `export const fileTemplate = (file) => Handlebars.template(SPECS[file]);`,
    "",
  ].join("\n");
};

// JSON.parse of a string literal: V8 reads it faster than the same data as an object literal.
const documentedSchemaModule = (): string =>
  `export const documentedSchemaDefinitions = () => JSON.parse(${JSON.stringify(JSON.stringify(documentedSchemaDefinitions()))});\n`;

/** Every precompiled module of the typeflake repository at `root`. Takes a few seconds (the schema's doc comments). */
export const precompiledModules = (root: string): PrecompiledModules =>
  new Map([
    [TEMPLATES_MODULE, templatesModule(root)],
    [DOCUMENTED_SCHEMA_MODULE, documentedSchemaModule()],
  ]);
