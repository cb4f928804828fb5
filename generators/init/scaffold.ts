/**
 * The files of a new fleet repository: package.json (depending on this typeflake's version, with
 * the TypeScript compiler to type-check it), tsconfig.json, typeflake.config.ts, one host with its
 * hardware.nix, .gitignore, a CI workflow and a README, each with what to do when the folder has it
 * already (an npm package's package.json is merged into, a README kept, a fleet's files never
 * replaced). Rendered from handlebars templates; the TypeScript is formatted by prettier. Pure
 * apart from reading the templates: nothing is written.
 */
import { readFileSync } from "node:fs";
import { posix, sep } from "node:path";
import Handlebars from "handlebars";
import { markdownText } from "../inventory/markdown-table.ts";
import { TYPEFLAKE_PACKAGE_INFO, typeflakeFile } from "../package-info.ts";
import type { InitOptions } from "./init-options.ts";
import { mergeGitignore } from "./merge-gitignore.ts";
import { mergePackageJson, type MergeResult } from "./merge-package-json.ts";
import { SCAFFOLD_TOOLING, type ScaffoldTooling } from "./scaffold-tooling.ts";

/** What `init` does with a file of the scaffold that is already in the folder. */
export type WhenPresent =
  /** Writes nothing at all: a fleet's own file, or its TypeScript configuration. */
  | { readonly kind: "refuse" }
  /** Keeps the user's (a README, a CI workflow of their own). */
  | { readonly kind: "keep" }
  /** Merges the scaffold's into the user's: `merge` gets the user's text. */
  | { readonly kind: "merge"; readonly merge: (existing: string) => MergeResult };

/** One file of the scaffold. */
export interface ScaffoldFile {
  /** Relative to the new fleet's root, with `/` separators. */
  readonly path: string;
  /** The file's content. */
  readonly text: string;
  /** When the folder has it already. */
  readonly whenPresent: WhenPresent;
}

const REFUSE: WhenPresent = { kind: "refuse" };
const KEEP: WhenPresent = { kind: "keep" };

/** The .gitignore merge: lines appended, or none needed. */
const gitignoreMerge = (text: string): WhenPresent => ({
  kind: "merge",
  merge: (existing) => {
    const merged = mergeGitignore(existing, text);
    return { ok: true, text: merged, changes: merged === existing ? [] : ["the lines typeflake needs ignored"], notes: [] };
  },
});

interface ScaffoldView extends InitOptions, ScaffoldTooling {
  /** The npm package name. */
  readonly name: string;
  /** The version range of typeflake the fleet depends on, e.g. `^0.1.0`. */
  readonly typeflake: string;
  /** The description as a Markdown heading. */
  readonly title: string;
}

const handlebars = Handlebars.create();
// Values land in JSON, TypeScript and YAML comments: a JSON string literal is valid in all three.
handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));

const template = (name: string) =>
  handlebars.compile<ScaffoldView>(readFileSync(typeflakeFile(`generators/init/templates/${name}`), "utf8"), { noEscape: true, strict: true });

/** Each file: where it goes, its template, whether prettier formats it as TypeScript, and what to do when it is there already (by its text). */
const FILES: readonly {
  readonly path: (view: ScaffoldView) => string;
  readonly render: HandlebarsTemplateDelegate<ScaffoldView>;
  readonly typescript?: true;
  readonly whenPresent: (text: string) => WhenPresent;
}[] = [
  { path: () => "package.json", render: template("package.json.hbs"), whenPresent: (text) => ({ kind: "merge", merge: (existing) => mergePackageJson(existing, text) }) },
  { path: () => "tsconfig.json", render: template("tsconfig.json.hbs"), whenPresent: () => REFUSE },
  { path: () => "typeflake.config.ts", render: template("typeflake.config.ts.hbs"), typescript: true, whenPresent: () => REFUSE },
  { path: (view) => `hosts/${view.host}/host.ts`, render: template("host.ts.hbs"), typescript: true, whenPresent: () => REFUSE },
  { path: (view) => `hosts/${view.host}/hardware.nix`, render: template("hardware.nix.hbs"), whenPresent: () => REFUSE },
  { path: () => ".gitignore", render: template("gitignore.hbs"), whenPresent: gitignoreMerge },
  { path: () => ".github/workflows/check.yml", render: template("check.yml.hbs"), whenPresent: () => KEEP },
  { path: () => "README.md", render: template("README.md.hbs"), whenPresent: () => KEEP },
];

/** An npm package name from a folder name: lowercase, URL-safe, not starting with `.` or `_`. */
export const packageName = (folder: string): string =>
  folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "") || "fleet";

/**
 * The range a new fleet depends on typeflake by: a caret on this typeflake's own version, so the
 * fleet gets the releases semver calls compatible with the one that wrote its scaffold.
 */
export const typeflakeRange = (version: string = TYPEFLAKE_PACKAGE_INFO.version): string => `^${version}`;

/** The scaffold for a fleet in `dir` (absolute), sorted by path. */
export const scaffoldFiles = async (dir: string, options: InitOptions): Promise<ScaffoldFile[]> => {
  const view: ScaffoldView = {
    ...options,
    name: packageName(posix.basename(dir.split(sep).join(posix.sep))),
    ...SCAFFOLD_TOOLING,
    typeflake: typeflakeRange(),
    title: markdownText(options.description),
  };
  const files = await Promise.all(
    FILES.map(async (file) => {
      const rendered = file.render(view);
      const text = file.typescript ? await (await import("prettier")).format(rendered, { parser: "typescript" }) : rendered;
      return { path: file.path(view), text, whenPresent: file.whenPresent(text) };
    }),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};
