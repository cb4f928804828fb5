/**
 * Every problem of a run is reported at once and printed like a compiler: file:line:col,
 * severity, object path and message, the source line with a caret, and a count.
 */
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../generators/diagnostics/format.ts";
import { diagnosticRecords, diagnosticsToJson } from "../../generators/diagnostics/json.ts";
import { loadAndValidate } from "../../generators/load/index.ts";
import { BASE_FLEET, hostFile } from "./support/fleet-text.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

const threeErrorsInTwoFiles = {
  ...BASE_FLEET,
  "hosts/nas/host.ts": hostFile(
    `  address: "10.0.20.10",
  firewall: { allowedTCPPorts: [22, 70000] },
  services: {
    samba: { shares: { media: { path: "tank/media" } } },
  },`,
  ),
  "hosts/compute/host.ts": hostFile(`  address: "10.0.20.11",\n  modules: ["comon"],`),
};

describe("a run with several mistakes", () => {
  it("reports all three errors in two files at once, sorted by file and position", async () => {
    const root = await writeFleet(threeErrorsInTwoFiles);
    roots.push(root);
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(fleet).toBeUndefined();
    expect(formatDiagnostics(diagnostics, { color: false })).toBe(
      `hosts/compute/host.ts:5:13 error modules[0]: module "comon" does not exist (no modules/comon.ts); did you mean "common"? The modules are "common".
  5 |   modules: ["comon"],
    |             ^

hosts/nas/host.ts:5:37 error firewall.allowedTCPPorts[1]: must be a port number (an integer from 1 to 65535), got 70000
  5 |   firewall: { allowedTCPPorts: [22, 70000] },
    |                                     ^

hosts/nas/host.ts:7:33 error services.samba.shares.media.path: must be an absolute path, got "tank/media"
  7 |     samba: { shares: { media: { path: "tank/media" } } },
    |                                 ^

3 errors in 2 files
`,
    );
  });

  it("prints the same problems as JSON records for editors and CI", async () => {
    const root = await writeFleet(threeErrorsInTwoFiles);
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    const records = JSON.parse(diagnosticsToJson(diagnostics));
    expect(records).toEqual(diagnosticRecords(diagnostics));
    expect(records[2]).toEqual({
      file: "hosts/nas/host.ts",
      line: 7,
      column: 33,
      path: "services.samba.shares.media.path",
      objectPath: ["services", "samba", "shares", "media", "path"],
      severity: "error",
      code: "invalid-path",
      message: 'must be an absolute path, got "tank/media"',
      data: { expected: [{ kind: "form", expected: "an absolute path" }], got: '"tank/media"' },
      related: [],
    });
  });

  it("returns the validated fleet, sorted, and no diagnostics for a valid fleet", async () => {
    const root = await writeFleet({ ...BASE_FLEET, "hosts/compute/host.ts": hostFile(`  address: "10.0.20.11",`) });
    roots.push(root);
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(diagnostics).toEqual([]);
    expect(fleet?.configFile).toBe("typeflake.config.ts");
    expect(fleet?.hosts.map((entry) => [entry.name, entry.file])).toEqual([
      ["compute", "hosts/compute/host.ts"],
      ["nas", "hosts/nas/host.ts"],
    ]);
    expect(fleet?.modules.map((entry) => entry.name)).toEqual(["common"]);
    // Defaults are filled in by the schemas.
    expect(fleet?.config.deploy.tool).toBe("deploy-rs");
    expect(fleet?.hosts[1]?.config.modules).toEqual(["common"]);
  });
});
