/**
 * The account deployments log in as (`deploy.sshUser`) must be one the hosts declare: a fleet
 * whose hosts lack it generates, but every `typeflake deploy` would fail at the ssh login, so
 * `generate` warns at the setting, once per place it is written, naming the hosts.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { BASE_FLEET, fleetFile, hostFile, INPUTS, moduleFile } from "./support/fleet-text.ts";
import { warningsOf } from "./support/run-generate.ts";
import { removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

/** The deploy-user-missing warnings of a run of `generate` over the base fleet with `files`. */
async function warnings(files: FleetFiles): Promise<Pick<DiagnosticRecord, "severity" | "file" | "line" | "message">[]> {
  const root = await writeFleet({ ...BASE_FLEET, ...files });
  roots.push(root);
  return (await warningsOf(root, "deploy-user-missing")).map(({ severity, file, line, message }) => ({ severity, file, line, message }));
}

const FLEET_DEPLOYING_AS = (user: string) => fleetFile(`${INPUTS}\n  deploy: { sshUser: "${user}" },`);
const WEB = { "hosts/web/host.ts": hostFile(`  address: "10.0.20.11",\n  modules: ["common"],`) };

describe("deploy.sshUser", () => {
  it("warns once at the fleet's setting when its hosts do not declare the account, naming them and the closest account", async () => {
    const found = await warnings({
      "typeflake.config.ts": FLEET_DEPLOYING_AS("deploy"),
      "modules/common.ts": moduleFile(`  users: { deployer: { deploy: true } },`),
      ...WEB,
    });
    expect(found).toEqual([
      {
        severity: "warning",
        file: "typeflake.config.ts",
        line: expect.any(Number),
        message:
          'typeflake deploy logs in to "nas" and "web" as "deploy", which they do not declare as an account, so the deploy\'s ssh login ' +
          'would fail; did you mean "deployer"? Declare it (users: { "deploy": { deploy: true, sshKeys: ["ssh-ed25519 AAAA… you@laptop"] } }, ' +
          "in a module every host uses to declare it once), or set deploy.sshUser to an account the hosts have",
      },
    ]);
  });

  it("warns at a host's own setting for that host alone", async () => {
    const found = await warnings({
      "modules/common.ts": moduleFile(`  users: { deploy: { deploy: true } },`),
      "hosts/web/host.ts": hostFile(`  address: "10.0.20.11",\n  modules: ["common"],\n  deploy: { sshUser: "admin" },`),
    });
    expect(found.map(({ file, message }) => [file, message.split(",")[0]])).toEqual([["hosts/web/host.ts", 'typeflake deploy logs in to "web" as "admin"']]);
  });

  it("says nothing when every deployed host declares the account, deploys as root, or is not deployed", async () => {
    expect(
      await warnings({
        "typeflake.config.ts": FLEET_DEPLOYING_AS("deploy"),
        "modules/common.ts": moduleFile(`  users: { deploy: { deploy: true } },`),
        "hosts/web/host.ts": hostFile(`  address: "10.0.20.11",\n  deploy: { sshUser: "root" },`),
        "hosts/off/host.ts": hostFile(`  address: "10.0.20.12",\n  deploy: { enable: false },`),
      }),
    ).toEqual([]);
  });
});
