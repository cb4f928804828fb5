/**
 * A generated fleet with homes, evaluated by the real nix with every input replaced by its stub
 * flake (test/support/flake-eval.ts): `home-manager.users.alice` on each host is the module
 * typeflake wrote, and calling it gives alice's settings. The home-manager stub keeps a user's
 * definition as written (it does not evaluate homes), so the test calls the modules itself,
 * with the host's `pkgs` as home-manager does under `useGlobalPkgs`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePlan } from "../../generators/emit/write.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { fleetFile, hostFile, moduleFile } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { evalFlakeJson } from "../support/flake-eval.ts";

const FILES = {
  "typeflake.config.ts": fleetFile(`  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
    "home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },
  },
  modules: ["people"],`),
  "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",`, "defineHost"),
  "hosts/compute/host.ts": hostFile(`  address: "10.0.20.11",`, "defineHost"),
  "modules/people.ts": moduleFile(`  users: { alice: { description: "Alice" } },`),
  "homes/alice.ts": `import { defineHome, pkg } from "typeflake";

export default defineHome({
  stateVersion: "24.11",
  packages: [pkg("curl"), pkg("git")],
  git: { userName: "Alice", userEmail: "alice@lab.local" },
  shellAliases: { ll: "ls -l" },
});
`,
  "homes/alice@nas.ts": `import { defineHome } from "typeflake";

export default defineHome({ git: { userEmail: "alice@nas.lab.local" } });
`,
};

/** Both hosts' home-manager settings, and alice's module on each, called as home-manager would. */
const VALUES = `self:
  let
    home = host:
      let
        config = self.nixosConfigurations.\${host}.config;
        call = module: module { pkgs = self.nixosConfigurations.\${host}.pkgs; };
        own = call config.home-manager.users.alice;
        shared = if own ? imports then call (import (builtins.head own.imports)) else own;
      in
      {
        inherit (config.home-manager) useGlobalPkgs useUserPackages;
        users = builtins.attrNames config.home-manager.users;
        imports = map baseNameOf (own.imports or [ ]);
        packages = map (p: p.pname) shared.home.packages;
        inherit (shared.home) stateVersion shellAliases;
        git = shared.programs.git // (own.programs.git or { });
      };
  in
  { nas = home "nas"; compute = home "compute"; }`;

let root: string;
beforeAll(async () => {
  root = await writeFleet(FILES);
  const { plan, diagnostics } = await runPipeline(root);
  expect(diagnostics).toEqual([]);
  const written = await writePlan(root, plan!);
  expect(written.refused).toEqual([]);
});
afterAll(() => removeFleet(root));

describe("home-manager.users.alice, evaluated", () => {
  it("is alice's shared home on compute and her nas home (which imports it) on nas", () => {
    const values = evalFlakeJson(root, VALUES);
    const shared = {
      useGlobalPkgs: true,
      useUserPackages: true,
      users: ["alice"],
      packages: ["curl", "git"],
      stateVersion: "24.11",
      shellAliases: { ll: "ls -l" },
    };
    expect(values).toEqual({
      compute: { ...shared, imports: [], git: { enable: true, userName: "Alice", userEmail: "alice@lab.local" } },
      nas: { ...shared, imports: ["default.nix"], git: { enable: true, userName: "Alice", userEmail: "alice@nas.lab.local" } },
    });
  });
});
