/**
 * The modules the build evaluates at build time are shipped as stand-ins that export the same
 * names and give the same results as the modules they replace: the templates render the same
 * text through handlebars' runtime, and the schema's definitions are the same JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sourceSchema from "../../generators/schema/documented-schema.ts";
import * as sourceTemplates from "../../generators/files/templates.ts";
import { DOCUMENTED_SCHEMA_MODULE, precompiledModules, TEMPLATES_MODULE } from "../../scripts/precompiled-modules.ts";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
/** Inside the repository, so that a stand-in's `import "handlebars/runtime"` resolves from its node_modules. */
const TMP = join(REPOSITORY, "test", ".tmp");
let folder = "";
let standIns = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  folder = mkdtempSync(join(TMP, "precompiled-"));
  const modules = precompiledModules(REPOSITORY);
  standIns = new Map(
    await Promise.all(
      [...modules].map(async ([path, text], index): Promise<[string, Record<string, unknown>]> => {
        const file = join(folder, `${index}.mjs`);
        writeFileSync(file, text);
        return [path, (await import(file)) as Record<string, unknown>];
      }),
    ),
  );
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A view for both templates with text that escaping would change, and an `{{else}}` branch taken. */
const VIEWS = {
  "inventory.md.hbs": { header: "# <generated> & \"kept\"\n", title: "a & b", summary: "<1 host>", table: ["| a | b |", "|---|---|"], diagram: ["flowchart LR", '  a["<nas>"] --> b'] },
  "sops-yaml.hbs": {
    header: "# generated\n",
    keys: [],
    rules: [{ file: "secrets/a&b.yaml", pathRegex: "^secrets/a&b\\.yaml$", secrets: [{ name: "k", hosts: "" }], recipients: ["admin_1"] }],
  },
} as const;

describe("precompiled modules", () => {
  it("stand in for exactly the modules they replace, with the same exports", () => {
    expect([...standIns.keys()].sort()).toEqual([DOCUMENTED_SCHEMA_MODULE, TEMPLATES_MODULE].sort());
    expect(Object.keys(standIns.get(TEMPLATES_MODULE) ?? {}).sort()).toEqual(Object.keys(sourceTemplates).sort());
    expect(Object.keys(standIns.get(DOCUMENTED_SCHEMA_MODULE) ?? {}).sort()).toEqual(Object.keys(sourceSchema).sort());
  });

  it("render each template as the sources do, through handlebars' runtime", () => {
    const standIn = standIns.get(TEMPLATES_MODULE) as unknown as typeof sourceTemplates;
    expect(standIn.TEMPLATE_FILES).toEqual(sourceTemplates.TEMPLATE_FILES);
    expect(standIn.TEMPLATE_OPTIONS).toEqual(sourceTemplates.TEMPLATE_OPTIONS);
    for (const file of sourceTemplates.TEMPLATE_FILES) {
      const expected = sourceTemplates.fileTemplate(file)(VIEWS[file]);
      expect(standIn.fileTemplate(file)(VIEWS[file]), file).toBe(expected);
      expect(expected).toContain("&");
    }
  });

  it("keep the templates strict: a value the view lacks is an error", () => {
    const standIn = standIns.get(TEMPLATES_MODULE) as unknown as typeof sourceTemplates;
    expect(() => standIn.fileTemplate("sops-yaml.hbs")({})).toThrow(/"header" not defined/);
  });

  it("give the schema's documented definitions as the sources compute them, a fresh copy per call", () => {
    const standIn = standIns.get(DOCUMENTED_SCHEMA_MODULE) as unknown as typeof sourceSchema;
    const shipped = standIn.documentedSchemaDefinitions();
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(sourceSchema.documentedSchemaDefinitions()));
    expect(standIn.documentedSchemaDefinitions()).not.toBe(shipped);
  });
});
