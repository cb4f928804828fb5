/**
 * Home files through the validator: schemas (stateVersion required in the shared home), names
 * from file names, and the checks against the rest of the fleet.
 */
import { describe, expect, it } from "vitest";
import { secret, unstablePkg } from "../../dsl/expressions.ts";
import { validateFleet } from "../../generators/validate/index.ts";
import { HOMES, HOSTS, INPUTS, homeFleet, homeSources, summary } from "./support.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const { "home-manager": _, ...withoutHomeManager } = INPUTS;

describe("validating homes", () => {
  it("gives each home its user and, for a per-host home, its host", () => {
    const fleet = homeFleet();
    expect(fleet.homes?.map((home) => [home.name, home.user, home.host, home.file])).toEqual([
      ["alice", "alice", undefined, "homes/alice.ts"],
      ["alice@nas", "alice", "nas", "homes/alice@nas.ts"],
    ]);
    expect(fleet.homes?.[0]?.config).toMatchObject({ stateVersion: "24.11", shellAliases: { ll: "ls -l" }, homeManager: {}, imports: [] });
  });

  it("requires the home-manager input once homes exist, naming every home file", () => {
    const result = validateFleet(homeSources({ inputs: withoutHomeManager }));
    expect(result.fleet).toBeUndefined();
    const [diagnostic] = result.diagnostics;
    expect(result.diagnostics).toHaveLength(1);
    expect(diagnostic).toMatchObject({ code: "missing-input", origin: { file: "typeflake.config.ts", objectPath: ["inputs"] } });
    expect(diagnostic && messageOf(diagnostic)).toContain('"home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } }');
    expect(diagnostic?.related?.map((origin) => origin.file)).toEqual(["homes/alice.ts", "homes/alice@nas.ts"]);
    expect(summary(homeSources({ inputs: withoutHomeManager, homes: {} }))).toEqual([]);
  });

  it.each([
    ["github:NixOS/nixpkgs/nixos-26.05", "github:nix-community/home-manager/release-26.05"],
    ["github:NixOS/nixpkgs/nixos-unstable", "github:nix-community/home-manager"],
  ])("suggests home-manager on the branch of the release nixpkgs follows (%s)", (nixpkgs, homeManager) => {
    const [diagnostic] = validateFleet(homeSources({ inputs: { ...withoutHomeManager, nixpkgs: { url: nixpkgs } } })).diagnostics;
    expect(diagnostic && messageOf(diagnostic)).toContain(`"home-manager": { url: "${homeManager}", follows: { nixpkgs: "nixpkgs" } }`);
  });

  it("requires stateVersion in the shared home only, in home-manager's release form", () => {
    expect(summary(homeSources({ homes: { alice: {}, "alice@nas": {} } }))).toEqual([["error", "missing-key", "homes/alice.ts", "stateVersion"]]);
    const [required] = validateFleet(homeSources({ homes: { alice: {} } })).diagnostics;
    expect(required && messageOf(required)).toBe('missing required key "stateVersion": home-manager needs home.stateVersion, so the shared home sets it: the home-manager release it was first deployed with, e.g. "26.05"');
    const [form] = validateFleet(homeSources({ homes: { alice: { stateVersion: "24.10" } } })).diagnostics;
    expect(form && messageOf(form)).toBe('must be a home-manager release such as "26.05" (year.month, May or November)');
  });

  it("refuses unknown keys, as every typeflake schema does", () => {
    expect(summary(homeSources({ homes: { alice: { stateVersion: "24.11", pakages: [] } as never } }))).toEqual([
      ["error", "unknown-key", "homes/alice.ts", "pakages"],
    ]);
  });

  it("checks the user and host taken from the file name", () => {
    const names = (name: string) =>
      summary(homeSources({ homes: { alice: HOMES["alice"]!, [name]: { stateVersion: "24.11" } } })).map(([, code, file]) => [code, file]);
    expect(names("Bob")).toEqual([["invalid-name", "homes/Bob.ts"]]);
    expect(names("alice@NAS")).toEqual([["invalid-name", "homes/alice@NAS.ts"]]);
    expect(names("alice@nas@x")).toEqual([["invalid-name", "homes/alice@nas@x.ts"]]);
    const [message] = validateFleet(homeSources({ homes: { "alice@NAS": {} } })).diagnostics.map((d) => messageOf(d));
    expect(message).toMatch(/^the home name "alice@NAS" is taken from homes\/alice@NAS\.ts; the host part must be a host name/);
  });

  it("reports a per-host home for a host that does not exist, with the closest name", () => {
    const diagnostics = validateFleet(homeSources({ homes: { alice: HOMES["alice"]!, "alice@nsa": {} } })).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.origin.file])).toEqual([["unknown-host", "homes/alice@nsa.ts"]]);
    expect(diagnostics[0] && messageOf(diagnostics[0])).toBe('alice@nsa names the host "nsa", which does not exist (no hosts/nsa/host.ts); did you mean "nas"? The hosts are "compute", "gateway", "nas".');
  });

  it("reports a per-host home on a host without the account, and one without a shared home", () => {
    expect(summary(homeSources({ homes: { ...HOMES, "alice@gateway": {} } }))).toEqual([["error", "user-not-on-host", "homes/alice@gateway.ts", ""]]);
    expect(summary(homeSources({ homes: { "alice@nas": {} } }))).toEqual([["error", "missing-shared-home", "homes/alice@nas.ts", ""]]);
  });

  it("refuses a per-host home whose file would be the shared one's", () => {
    const hosts = { ...HOSTS, default: { address: "10.0.20.5", modules: ["people"] } };
    expect(summary(homeSources({ hosts, homes: { ...HOMES, "alice@default": {} } }))).toEqual([["error", "home-name-clash", "homes/alice@default.ts", ""]]);
  });

  it("warns about a home no host uses, and still validates", () => {
    const sources = homeSources({ homes: { ...HOMES, bob: { stateVersion: "24.11" } } });
    expect(summary(sources)).toEqual([["warning", "unused-home", "homes/bob.ts", ""]]);
    expect(validateFleet(sources).fleet?.homes).toHaveLength(3);
  });

  it("refuses NixOS secrets and the unstable package set inside a home", () => {
    const homes = { alice: { stateVersion: "24.11", packages: [unstablePkg("helix")], homeManager: { home: { sessionVariables: { TOKEN: secret("token").path } } } } };
    expect(summary(homeSources({ homes }))).toEqual([
      ["error", "unstable-in-home", "homes/alice.ts", "packages.0"],
      ["error", "secret-in-home", "homes/alice.ts", "homeManager.home.sessionVariables.TOKEN"],
    ]);
  });

  it("gives no fleet when a home file failed to load", () => {
    const sources = { ...homeSources(), unloaded: { homes: ["bob"] } };
    const result = validateFleet(sources);
    expect(result.fleet).toBeUndefined();
    expect(result.diagnostics).toEqual([]);
    // What did validate is kept for the checks that can still run in the same report.
    expect(result.partial?.fleet.hosts.length).toBeGreaterThan(0);
  });
});
