/**
 * Home files on disk: which files are homes, and loading them through tsx like every fleet file.
 */
import { afterAll, describe, expect, it } from "vitest";
import { discoverHomes } from "../../generators/load/discover-homes.ts";
import { loadAndValidate } from "../../generators/load/index.ts";
import { fleetFile, hostFile } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const roots: string[] = [];
const fleetOnDisk = async (files: Record<string, string | null>) => {
  const root = await writeFleet(files);
  roots.push(root);
  return root;
};
afterAll(() => Promise.all(roots.map(removeFleet)));

const HOME_INPUTS = `  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
    "home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },
  },`;

const home = (body: string, define = "defineHome") => `import { ${define}, pkg } from "typeflake";\n\nexport default ${define}({\n${body}\n});\n`;

describe("finding home files", () => {
  it("takes homes/<name>.ts and homes/<name>/home.ts, and refuses a per-host folder and a home defined twice", async () => {
    const root = await fleetOnDisk({
      "homes/alice.ts": "",
      "homes/alice/default.nix": "{ ... }: { }",
      "homes/bob/home.ts": "",
      "homes/bob/vim.nix": "{ ... }: { }",
      "homes/alice@nas.ts": "",
      "homes/carol@nas/home.ts": "",
      "homes/dave.ts": "",
      "homes/dave/home.ts": "",
      "homes/types.d.ts": "",
      "homes/.hidden.ts": "",
      "homes/notes": null,
    });
    const { files, diagnostics } = await discoverHomes(root);
    expect(files.map((file) => [file.kind, file.name, file.file])).toEqual([
      ["home", "alice", "homes/alice.ts"],
      ["home", "alice@nas", "homes/alice@nas.ts"],
      ["home", "bob", "homes/bob/home.ts"],
      ["home", "dave", "homes/dave/home.ts"],
    ]);
    expect(diagnostics.map((d) => [d.code, d.origin.file, messageOf(d)])).toEqual([
      [
        "per-host-home-folder",
        "homes/carol@nas/home.ts",
        "a home for one host is a single file: move this file to homes/carol@nas.ts; Nix path literals cannot contain '@', so hand-kept files it imports belong in homes/carol/",
      ],
      ["duplicate-home", "homes/dave.ts", 'the home "dave" is also defined in homes/dave/home.ts; keep one of the two files'],
    ]);
  });

  it("finds no homes in a fleet without a homes folder", async () => {
    expect(await discoverHomes(await fleetOnDisk({ "typeflake.config.ts": "" }))).toEqual({ files: [], diagnostics: [] });
  });
});

describe("loading homes", () => {
  const base = {
    "typeflake.config.ts": fleetFile(HOME_INPUTS),
    "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  users: { alice: {} },`, "defineHost"),
  };

  it("imports each home through tsx and validates it with the rest of the fleet", async () => {
    const root = await fleetOnDisk({ ...base, "homes/alice.ts": home(`  stateVersion: "24.11",\n  packages: [pkg("jq")],`) });
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(diagnostics).toEqual([]);
    expect(fleet?.homes?.map((entry) => [entry.name, entry.file, entry.config.stateVersion])).toEqual([["alice", "homes/alice.ts", "24.11"]]);
  });

  it("asks for defineHome when a home file exports something else", async () => {
    const root = await fleetOnDisk({ ...base, "homes/alice.ts": home(`  address: "10.0.20.10",`, "defineHost") });
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(fleet).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.origin.file, messageOf(d)])).toEqual([
      ["wrong-definition", "homes/alice.ts", "the default export is made by defineHost; a home file must export default defineHome({ … })"],
    ]);
  });

  it("locates a home's schema problems at the TypeScript line", async () => {
    const root = await fleetOnDisk({ ...base, "homes/alice.ts": home(`  stateVersion: "24.11",\n  git: { userEmail: "alice" },`) });
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => [d.origin.file, d.origin.objectPath.join("."), d.location?.line])).toEqual([["homes/alice.ts", "git.userEmail", 5]]);
  });
});
