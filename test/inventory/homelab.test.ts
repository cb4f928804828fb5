/**
 * The reference homelab's inventory as a golden file: the committed INVENTORY.md is what
 * typeflake writes for it (`npm run generate` updates it; `--check` fails when it is stale),
 * and `typeflake inventory` prints or writes the same page.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerInventoryCommand } from "../../generators/cli/commands/inventory.ts";
import { checkPlan, hasDrift } from "../../generators/emit/check.ts";
import { INVENTORY_PATH } from "../../generators/files/inventory-file.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { fleetFile, hostFile } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { runCommand } from "../support/run-command.ts";

const ROOT = join(import.meta.dirname, "../..");
const GOLDEN = join(ROOT, INVENTORY_PATH);

let page: string;
beforeAll(async () => {
  const { plan, diagnostics } = await runPipeline(ROOT);
  // The homelab ships no encrypted secrets file (it would be encrypted to keys nobody here holds).
  expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning missing-secret-file"]);
  page = plan!.files.find((file) => file.path === INVENTORY_PATH)!.text;
});

/** Run `typeflake inventory <args>` for `root` in this process; what it printed on stdout. */
// The exit code is also left in process.exitCode, where the CLI leaves it and the tests read it.
const runInventory = async (root: string, ...args: string[]): Promise<string> =>
  (await runCommand([registerInventoryCommand], ["inventory", ...args], { root, cwd: root, setExitCode: (code) => (process.exitCode = code) })).stdout;
afterEach(() => {
  process.exitCode = undefined;
});

describe("the reference homelab's INVENTORY.md", () => {
  it("is the committed golden file (run `npm run generate` after changing the fleet)", () => {
    expect(page).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("lists every host with address, system, services, ports, tunnel, deploy target and users", () => {
    const rows = page.split("\n").filter((line) => /^\| (compute|gateway|nas) /.test(line)).map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));
    expect(rows).toEqual([
      ["compute", "10.0.20.11", "x86_64-linux", "WireGuard, OpenSSH, node exporter, Docker", "TCP 22, 3000", "wg0 10.100.0.3/24", "deploy@10.0.20.11", "alice (home), deploy"],
      ["gateway", "10.0.20.1", "x86_64-linux", "WireGuard, nginx, OpenSSH, node exporter", "TCP 22, 80, 443; UDP 51820", "wg0 10.100.0.1/24", "deploy@10.0.20.1", "deploy"],
      ["nas", "10.0.20.10", "x86_64-linux", "Samba, NFS server, WireGuard, OpenSSH, node exporter", "TCP 22, 139, 445, 2049", "wg0 10.100.0.2/24", "deploy@10.0.20.10", "deploy"],
    ]);
  });

  it("draws the WireGuard hub, the proxy to compute and the NFS export to the LAN", () => {
    expect(page).toContain(`\`\`\`mermaid
flowchart LR
  host_compute["compute<br/>10.0.20.11"]
  host_gateway["gateway<br/>10.0.20.1"]
  host_nas["nas<br/>10.0.20.10"]
  ext_1(["10.0.20.0/24"])
  host_compute <-->|"WireGuard wg0"| host_gateway
  host_nas <-->|"WireGuard wg0"| host_gateway
  host_gateway -->|"grafana.lab.local → :3000"| host_compute
  host_nas -.->|"NFS /tank/media"| ext_1
\`\`\``);
  });

  it("is what `typeflake inventory --stdout` prints", async () => {
    expect(await runInventory(ROOT, "--stdout")).toBe(page);
  });
});

describe("typeflake inventory", () => {
  let root: string;
  beforeAll(async () => {
    root = await writeFleet({ "typeflake.config.ts": fleetFile(), "hosts/solo/host.ts": hostFile('  address: "10.0.0.2",', "defineHost") });
  });
  afterAll(() => removeFleet(root));

  it("writes the page with the rest of the generated tree, so the manifest stays current", async () => {
    await runInventory(root);
    expect(process.exitCode).toBe(0);
    expect(readFileSync(join(root, INVENTORY_PATH), "utf8")).toContain("| solo | 10.0.0.2 |");
    expect(existsSync(join(root, "flake.nix"))).toBe(true);
    const { plan } = await runPipeline(root);
    expect(hasDrift(await checkPlan(root, plan!))).toBe(false);
  });
});
