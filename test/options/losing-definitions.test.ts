import { describe, expect, it } from "vitest";
import { mkDefault, mkForce, mkIf, mkMerge, mkOverride, nix } from "../../dsl/expressions.ts";
import { type DefinitionFile, gatherDefinitions } from "../../generators/options/option-definitions.ts";
import { losingDefinitions } from "../../generators/options/losing-definitions.ts";
import { shippedOptionIndex } from "../../generators/options/shipped.ts";
import { fleetLosers } from "../../generators/validate/losing-definitions.ts";

/** A raw `nixos` block of `file`, as lowering hands it over. */
const block = (file: string, nixos: unknown): DefinitionFile => ({
  definitions: [{ path: [], value: nixos as never, origin: { file, objectPath: ["nixos"] } }],
});
const gathered = (file: string, nixos: unknown) => ({ file: block(file, nixos), gathered: gatherDefinitions(shippedOptionIndex(), block(file, nixos)) });

/** The losing definitions of one host's files, as `file:object path`. */
const losers = (...files: [string, unknown][]): string[] =>
  [...losingDefinitions(files.map(([file, nixos]) => gathered(file, nixos).gathered)).values()].map(
    (origin) => `${origin.file}:${origin.objectPath.join("/")}`,
  );

// NixOS's `filterOverrides` drops these before the option type checks any value (checked with the real lib.evalModules).
describe("definitions that lose on a host", () => {
  it("loses to a lower priority number in another file, at options, elements and submodule options", () => {
    expect(
      losers(
        ["hosts/box/host.ts", { services: { openssh: { enable: true } }, users: { users: { alice: { isNormalUser: true } } } }],
        ["modules/base.ts", { services: { openssh: mkDefault({ enable: "yes", ports: [22] }) }, users: { users: { alice: mkDefault({ bogus: 1 }), bob: { uid: mkDefault(1) } } } }],
      ),
    ).toEqual(["modules/base.ts:nixos/services/openssh/enable", "modules/base.ts:nixos/users/users/alice"]);
  });

  it("loses inside one file's mkMerge, and above priority 9999 even alone", () => {
    expect(losers(["hosts/box/host.ts", { time: { timeZone: mkMerge([mkDefault(3 as never), "UTC"]) }, networking: { hostName: mkOverride(10000, 1) } }])).toEqual([
      "hosts/box/host.ts:nixos/time/timeZone/0",
      "hosts/box/host.ts:nixos/networking/hostName",
    ]);
  });

  it("may lose to a definition under an mkIf only Nix can evaluate (nothing is said of it), never to raw Nix", () => {
    expect(losers(["hosts/box/host.ts", { time: { timeZone: mkIf(nix`config.x`, mkForce("UTC")) } }], ["modules/base.ts", { time: { timeZone: 3 } }])).toEqual([
      "modules/base.ts:nixos/time/timeZone",
    ]);
    expect(losers(["hosts/box/host.ts", { time: { timeZone: nix`lib.mkForce "UTC"` } }], ["modules/base.ts", { time: { timeZone: 3 } }])).toEqual([]);
  });

  it("names the hosts where a module's losing definition applies", () => {
    const base = gathered("modules/base.ts", { time: { timeZone: mkDefault(3) } });
    const losing = fleetLosers(
      [
        { name: "box", files: [gathered("hosts/box/host.ts", { time: { timeZone: "UTC" } }), base] },
        { name: "nas", files: [gathered("hosts/nas/host.ts", {}), base] },
      ],
      [gathered("modules/unused.ts", { time: { timeZone: mkMerge([mkDefault(3 as never), "UTC"]) } })],
    );
    expect(Object.fromEntries(losing)).toEqual({
      [JSON.stringify(["modules/base.ts", ["nixos", "time", "timeZone"]])]: { losesOn: ["box"], appliesOn: ["nas"] },
      [JSON.stringify(["modules/unused.ts", ["nixos", "time", "timeZone", 0]])]: { losesOn: [], appliesOn: [] },
    });
  });
});
