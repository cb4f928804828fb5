import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importOptionSchema } from "../../generators/options/import-schema.ts";
import { showOptionPath } from "../../generators/options/option-path.ts";
import { optionsOf } from "../../generators/options/option-tree.ts";
import { parseOptionIndex } from "../../generators/options/runtime-index.ts";
import { GENERATED_FILES, SHIPPED_SCHEMA } from "../../generators/options/shipped.ts";
import { shippedAliases, shippedOptions } from "./support.ts";

const imported = importOptionSchema({
  options: shippedOptions,
  aliases: shippedAliases,
  expressionsImport: SHIPPED_SCHEMA.expressionsImport,
});
if (!imported.ok) throw new Error(`the shipped schema does not import: ${JSON.stringify(imported.problems)}`);
const schema = imported.value;

describe("importing the shipped schema", () => {
  it("imports all 971 options with no fallback and no warning", () => {
    expect(schema.optionCount).toBe(971);
    expect(schema.fallbacks).toEqual([]);
    expect(schema.warnings).toEqual([]);
  });

  it("writes the committed files exactly (run `npx tsx scripts/generate-nixos-options.ts` when this fails)", () => {
    for (const [name, text] of Object.entries(schema.files)) {
      expect(readFileSync(join(SHIPPED_SCHEMA.outDir, name), "utf8"), `dsl/nixos-options/${name} is stale`).toBe(text);
    }
  });

  it("is deterministic", () => {
    const again = importOptionSchema({
      options: shippedOptions,
      aliases: shippedAliases,
      expressionsImport: "../expressions.ts",
    });
    expect(again.ok && again.value.files).toEqual(schema.files);
  });

  it("exports NixosOptions with an interface per set of options", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    expect(types).toContain("export interface NixosOptions {");
    expect(types).toContain("export interface NixosServicesNginxVirtualHostsEntry {");
    expect(types).toContain('import type { NixExpression, NixValue } from "../expressions.ts";');
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
    expect(types).toMatch(/Read-only: NixOS computes this option[^]*readonly release\?: never;/);
  });

  it("keeps index signatures to open submodules", () => {
    const types = schema.files[GENERATED_FILES.types] ?? "";
    const withIndex = [
      ...types.matchAll(/export interface (\w+) \{\n(?:  \/\*\*.*\*\/\n)?  readonly \[name: string\]/g),
    ].map((match) => match[1]);
    expect(withIndex.sort()).toEqual([
      "NixosBootKernelSysctl",
      "NixosNixSettings",
      "NixosServicesNginxUpstreamsEntryServersEntry",
      "NixosServicesOpensshSettings",
      "NixosServicesSambaSettings",
      "NixosServicesSambaSettingsGlobal",
      "NixosVirtualisationDockerDaemonSettings",
    ]);
  });
});

describe("the runtime index", () => {
  const parsed = parseOptionIndex(JSON.parse(schema.files[GENERATED_FILES.index] ?? ""), "index.json");

  it("reads back every option with its type and read-only flag", () => {
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const options = [...optionsOf(parsed.value.root)];
    expect(options).toHaveLength(971);
    const release = options.find((option) => showOptionPath(option.path) === "system.nixos.release");
    expect(release).toMatchObject({ typeText: "string", type: { kind: "string" }, readOnly: true });
    const sysctl = options.find((option) => option.path.join("/") === "boot/kernel/sysctl/net.core.rmem_max");
    expect(sysctl?.typeText).toBe("null or (unsigned integer, meaning >=0)");
    expect(parsed.value.aliases).toHaveLength(104);
  });

  it("rejects files that are not an index, saying why", () => {
    const broken = parseOptionIndex({ format: "something else" }, "index.json");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]?.message).toContain("not a typeflake option index");
  });
});
