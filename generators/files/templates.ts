/**
 * The handlebars templates of `generate` (`inventory.md.hbs`, `sops-yaml.hbs`, beside this file).
 * From the sources they are compiled on first use; the build puts their precompiled form in this
 * module's place (`scripts/precompiled-modules.ts`), so the package runs them with handlebars'
 * small runtime and never loads its compiler.
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

/** The templates, by file name. */
export const TEMPLATE_FILES = ["inventory.md.hbs", "sops-yaml.hbs"] as const;

/** One of `TEMPLATE_FILES`. */
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

/**
 * How every template is compiled: text is written as given (Markdown, YAML, not HTML), and a
 * value the view lacks is an error rather than an empty string.
 */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const;

/** The template in `file`, ready to render a view. */
export const fileTemplate = <View>(file: TemplateFile): HandlebarsTemplateDelegate<View> =>
  Handlebars.compile<View>(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"), TEMPLATE_OPTIONS);
