/**
 * A time zone NixOS would take but the machine cannot use: `time.timeZone` is any string without
 * a space to NixOS, and a misspelt or wrongly cased zone leaves /etc/localtime dangling (UTC).
 * `generate` warns at the TypeScript that set it, typed field or raw block, once per place.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { BASE_FLEET, hostFile, moduleFile } from "./support/fleet-text.ts";
import { warningsOf } from "./support/run-generate.ts";
import { removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

/** The unknown-time-zone warnings of a run of `generate` over the base fleet with `files`. */
async function warnings(files: FleetFiles): Promise<Pick<DiagnosticRecord, "file" | "path" | "message">[]> {
  const root = await writeFleet({ ...BASE_FLEET, ...files });
  roots.push(root);
  return (await warningsOf(root, "unknown-time-zone")).map(({ file, path, message }) => ({ file, path, message }));
}

describe("time zones", () => {
  it("warns of a misspelt zone in a module once, however many hosts use it, with the closest zone", async () => {
    const found = await warnings({
      "modules/common.ts": moduleFile(`  timeZone: "Europe/Berln",`),
      "hosts/web/host.ts": hostFile(`  address: "10.0.20.11",\n  modules: ["common"],`),
    });
    expect(found).toEqual([
      {
        file: "modules/common.ts",
        path: "timeZone",
        message:
          '"Europe/Berln" is not a zone of the IANA time zone database, so NixOS would link /etc/localtime to a file that does not exist ' +
          'and the machine would keep UTC; did you mean "Europe/Berlin"? Zones are case-sensitive "Area/City" names, as `timedatectl list-timezones` lists them, or "UTC"',
      },
    ]);
  });

  it("warns of a zone in the wrong case in a raw block, naming the zone's case", async () => {
    const found = await warnings({
      "modules/common.ts": moduleFile(`  timeZone: "UTC",`),
      "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  modules: ["common"],\n  nixos: { time: { timeZone: mkForce("europe/berlin") } },`, "defineHost, mkForce"),
    });
    expect(found.map(({ file, path, message }) => [file, path, message.split("?")[0]])).toEqual([
      ["hosts/nas/host.ts", "nixos.time.timeZone", '"europe/berlin" is not a zone of the IANA time zone database, so NixOS would link /etc/localtime to a file that does not exist and the machine would keep UTC; did you mean "Europe/Berlin"'],
    ]);
  });

  it("takes canonical zones, UTC and the database's aliases", async () => {
    expect(
      await warnings({
        "modules/common.ts": moduleFile(`  timeZone: "Europe/Berlin",`),
        "hosts/web/host.ts": hostFile(`  address: "10.0.20.11",\n  timeZone: "UTC",`),
        "hosts/old/host.ts": hostFile(`  address: "10.0.20.12",\n  timeZone: "US/Eastern",`),
      }),
    ).toEqual([]);
  });
});
