import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateOptionSchema, importOptionSchema } from "../../generators/options/import-schema.ts";
import { showOptionPath } from "../../generators/options/option-path.ts";
import { optionsOf } from "../../generators/options/declaration-tree.ts";
import { readAliasesJson, readOptionsJson } from "../../generators/options/options-file.ts";
import { parseOptionIndex } from "../../generators/options/runtime-index.ts";
import { GENERATED_FILES, SHIPPED_SCHEMA } from "../../generators/options/shipped.ts";
import { shippedAliasCount, shippedAliases, shippedOptionCount, shippedOptionEntries, shippedOptions } from "./support.ts";

const imported = importOptionSchema({
  options: shippedOptions,
  aliases: shippedAliases,
  expressionsImport: SHIPPED_SCHEMA.expressionsImport,
});
if (!imported.ok) throw new Error(`the shipped schema does not import: ${JSON.stringify(imported.problems)}`);
const schema = imported.value;

describe("importing the shipped schema", () => {
  it("imports every option of data/nixos with no fallback and no warning", () => {
    expect(schema.optionCount).toBe(shippedOptionCount);
    expect(schema.fallbacks).toEqual([]);
    expect(schema.warnings).toEqual([]);
  });

  it("writes the committed files exactly (run `npx tsx scripts/generate-nixos-options.ts` when this fails)", () => {
    for (const [name, text] of Object.entries(schema.files)) {
      expect(readFileSync(join(SHIPPED_SCHEMA.outDir, name), "utf8"), `dsl/nixos-options/${name} is stale`).toBe(text);
    }
  });

  it("generates the same files from parsed declarations, whatever read them", () => {
    const declarations = readOptionsJson(shippedOptions.json, shippedOptions.name);
    const aliases = readAliasesJson(shippedAliases.json, shippedAliases.name);
    if (!declarations.ok || !aliases.ok) throw new Error("the shipped data does not read");
    const generated = generateOptionSchema({
      declarations: declarations.value,
      aliases: aliases.value,
      sources: [shippedOptions.name, shippedAliases.name],
      expressionsImport: SHIPPED_SCHEMA.expressionsImport,
    });
    expect(generated).toEqual(schema);
  });

  it("is deterministic", () => {
    const again = importOptionSchema({
      options: shippedOptions,
      aliases: shippedAliases,
      expressionsImport: SHIPPED_SCHEMA.expressionsImport,
    });
    expect(again.ok && again.value.files).toEqual(schema.files);
  });

  it("exports NixosOptions with an interface per set of options", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    expect(types).toContain("export interface NixosOptions {");
    expect(types).toContain("export interface NixosServicesNginxVirtualHostsEntry {");
    expect(types).toContain(
      'import type { AnyValue, Definition, Item, PackageValue, PathValue, StringValue } from "../option-values.ts";',
    );
  });

  it("documents every option field with its type description and path", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    expect(types).toContain(
      [
        "  /**",
        "   * Type: `list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)`",
        "   * Integers from 0 to 65535.",
        "   *",
        "   * NixOS option `networking.firewall.allowedTCPPorts`.",
        "   */",
        "  readonly allowedTCPPorts?: Definition<readonly Item<number>[]>;",
      ].join("\n"),
    );
    expect(types).toMatch(/Read-only: NixOS computes this option[^]*readonly release\?: "read-only: NixOS computes this option";/);
  });

  it("keeps every doc comment line a line: patterns' line breaks escaped, prose types joined", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    expect(types).toContain("   * Strings must match the POSIX regular expression `[^\\r\\n]*` as a whole.\n");
    expect(types).toContain(
      "   * Type: `open submodule of unbound.conf configuration type. The format consist of an attribute set of " +
        "settings. Each settings can be either one value, a list of values or an attribute set. The allowed values " +
        "are integers, strings, booleans or floats.`\n",
    );
  });

  // An interface takes undeclared keys exactly when the nearest submodule around it is open, as
  // NixOS' freeform types do; the submodules and their kinds come from the data, not from the writer.
  it("gives index signatures to the sets of options inside open submodules, and to no other", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    const interfaces = [
      ...types.matchAll(/^\/\*\* (.*) \*\/\nexport interface (\w+) \{\n((?:  \/\*\*.*\*\/\n)?  readonly \[name: string\])?/gm),
    ].map(([, doc, name, index]) => ({ name, path: interfacePath(doc ?? ""), indexed: index !== undefined }));
    const roots = submoduleRoots();
    const expected = interfaces.map(({ name, path }) => ({ name, path, indexed: isInsideOpenSubmodule(path, roots) }));
    expect(interfaces).toEqual(expected);
    const indexed = interfaces.filter((entry) => entry.indexed).map((entry) => entry.name);
    expect(indexed).toEqual(
      expect.arrayContaining([
        "NixosBootKernelSysctl",
        "NixosServicesSambaSettingsGlobal",
        "NixosServicesNginxUpstreamsEntryServersEntry",
        "NixosServicesSanoidDatasetsEntry",
        "NixosServicesUnboundSettingsRemoteControl",
      ]),
    );
    expect(indexed).not.toContain("NixosServicesNginxVirtualHostsEntry");
  });
});

describe("the runtime index", () => {
  const parsed = parseOptionIndex(JSON.parse(schema.files[GENERATED_FILES.index] ?? ""), "index.json");

  it("reads back every option with its type and read-only flag", () => {
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const options = [...optionsOf(parsed.value.root)];
    expect(options).toHaveLength(shippedOptionCount);
    const release = options.find((option) => showOptionPath(option.path) === "system.nixos.release");
    expect(release).toMatchObject({ typeText: "string", type: { kind: "string" }, readOnly: true });
    const sysctl = options.find((option) => option.path.join("/") === "boot/kernel/sysctl/net.core.rmem_max");
    expect(sysctl?.typeText).toBe("null or (unsigned integer, meaning >=0)");
    expect(parsed.value.aliases).toHaveLength(shippedAliasCount);
  });

  it("rejects files that are not an index, saying why", () => {
    const broken = parseOptionIndex({ format: "something else" }, "index.json");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]?.message).toContain("not a typeflake option index");
  });
});

/** The option path an interface's doc comment names (`Options under \`services.nginx\`.`); the root has none. */
function interfacePath(doc: string): string {
  return (/\(`([^`]*)`\)\.$/.exec(doc) ?? /`([^`]*)`\.$/.exec(doc))?.[1] ?? "";
}

/**
 * Where each submodule of the data declares its options (`x`, `x.<name>` for an attribute set of
 * submodules, `x.*` for a list of them), and whether it is open (has a freeform type).
 */
function submoduleRoots(): Map<string, boolean> {
  const roots = new Map<string, boolean>();
  for (const [path, { type }] of Object.entries(shippedOptionEntries)) {
    const match = /^(?:null or \(?)?((?:lazy )?attribute set of \(|list of \()?(open submodule of|submodule)/.exec(type);
    if (!match) continue;
    const element = match[1] === undefined ? "" : match[1].startsWith("list") ? ".*" : ".<name>";
    roots.set(path + element, match[2] === "open submodule of");
  }
  return roots;
}

function isInsideOpenSubmodule(path: string, roots: ReadonlyMap<string, boolean>): boolean {
  let nearest: string | undefined;
  for (const root of roots.keys()) {
    const inside = path === root || path.startsWith(`${root}.`);
    if (inside && (nearest === undefined || root.length > nearest.length)) nearest = root;
  }
  return nearest !== undefined && roots.get(nearest) === true;
}
