/**
 * Loading a fleet directory: discovery of its files, fresh evaluation on every load, and a clear
 * report when the typeflake package cannot be found from the fleet.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatObjectPath } from "../../generators/diagnostics/diagnostic.ts";
import { loadAndValidate, loadFleet } from "../../generators/load/index.ts";
import { BASE_FLEET, hostFile, moduleFile } from "./support/fleet-text.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

const fleetDir = async (files: Record<string, string | null | undefined>): Promise<string> => {
  const root = await writeFleet(files);
  roots.push(root);
  return root;
};

describe("loadFleet", () => {
  it("finds hosts by folder, modules and overlays by file, and ignores everything else", async () => {
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/hardware.nix": "{ }",
      "hosts/README.md": "hosts",
      "hosts/.cache": null,
      "modules/common.nix": "{ }",
      "modules/types.d.ts": "export {};",
      "modules/monitoring.ts": moduleFile(`  timeZone: "UTC",`),
      "overlays/default.nix": "final: prev: { }",
    });
    const { sources, diagnostics } = await loadFleet(root);
    expect(diagnostics).toEqual([]);
    expect(sources.config?.file).toBe("typeflake.config.ts");
    expect(sources.hosts.map((source) => source.file)).toEqual(["hosts/nas/host.ts"]);
    expect(sources.modules.map((source) => [source.name, source.file])).toEqual([
      ["common", "modules/common.ts"],
      ["monitoring", "modules/monitoring.ts"],
    ]);
    expect(sources.overlays).toEqual([]);
  });

  it("evaluates files again on every load, so an edit is seen", async () => {
    const root = await fleetDir(BASE_FLEET);
    const first = await loadAndValidate(root);
    await writeFile(join(root, "hosts/nas/host.ts"), hostFile(`  address: "10.0.20.99",`));
    const second = await loadAndValidate(root);
    expect(first.fleet?.hosts[0]?.config.address).toBe("10.0.20.10");
    expect(second.fleet?.hosts[0]?.config.address).toBe("10.0.20.99");
  });

  it("reports a mistake in a file several definitions import once, where it is", async () => {
    const importing = (address: string) => `import { defineHost } from "typeflake";\nimport { zone } from "../../shared.ts";\nexport default defineHost({ address: "${address}", timeZone: zone });\n`;
    const root = await fleetDir({
      ...BASE_FLEET,
      "hosts/nas/host.ts": importing("10.0.20.10"),
      "hosts/web/host.ts": importing("10.0.20.11"),
      "shared.ts": `export const zone = "UTC"\nexport const broken = ;\n`,
    });
    const { diagnostics } = await loadFleet(root);
    expect(diagnostics.map((d) => [d.code, d.origin.file, d.location?.line])).toEqual([["syntax-error", "shared.ts", 2]]);
  });

  it("loads a fleet outside any project: its typeflake import is the running typeflake", async () => {
    const root = await writeFleet(BASE_FLEET, tmpdir());
    roots.push(root);
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(diagnostics).toEqual([]);
    expect(fleet?.hosts.map((host) => host.name)).toEqual(["nas"]);
  });
});
