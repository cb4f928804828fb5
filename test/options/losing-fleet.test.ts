/**
 * A module's definition that loses to one of higher priority on a host is never type-checked
 * there by NixOS (`filterOverrides` drops it first): the whole pipeline judges it per host that
 * lists the module. (Checked with the real `lib.evalModules`: `mkDefault "yes"` beside `true` evaluates.)
 */
import { afterAll, describe, expect, it } from "vitest";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { fleetFile, hostFile, moduleFile } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

const HOST = (address: string, nixos: string) => hostFile(`  address: "${address}",\n  modules: ["common"],\n  nixos: ${nixos},`);
const COMMON = moduleFile(`  nixos: { services: { openssh: { enable: mkDefault("yes" as never) } } },`).replace("{ defineModule }", "{ defineModule, mkDefault }");

const errorsOf = async (hosts: Record<string, string>): Promise<string[]> => {
  const root = await writeFleet({ "typeflake.config.ts": fleetFile(), "modules/common.ts": COMMON, ...hosts });
  fleets.push(root);
  const { diagnostics } = await runPipeline(root);
  return diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => `${diagnostic.origin.file}: ${messageOf(diagnostic)}`);
};

describe("a module's definition that loses on some hosts", () => {
  it("is not checked when every host that lists the module overrides it", async () => {
    expect(
      await errorsOf({
        "hosts/nas/host.ts": HOST("10.0.20.10", "{ services: { openssh: { enable: true } } }"),
        "hosts/web/host.ts": HOST("10.0.20.11", "{ services: { openssh: { enable: false } } }"),
      }),
    ).toEqual([]);
  });

  it("is checked when it applies on one, naming where it loses and where it applies", async () => {
    expect(
      await errorsOf({
        "hosts/nas/host.ts": HOST("10.0.20.10", "{ services: { openssh: { enable: true } } }"),
        "hosts/web/host.ts": HOST("10.0.20.11", "{}"),
      }),
    ).toEqual([
      "modules/common.ts: A definition for option `services.openssh.enable' is not of type `boolean': got \"yes\". " +
        "A definition of higher priority replaces it on host nas, but it applies on host web, where NixOS checks it.",
    ]);
  });
});
